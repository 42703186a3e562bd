package dev.weft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** The source of a generated {@code <Api>Client}: one readable call chain per method. */
class ClientGenerationTest {

    @Test
    void eachMethodIsOneCallChainFromParametersToTheAnswer() {
        Compilation compilation = Compilers.weft().compile(Sources.weft("Orders", """
                @Api("/orders")
                public interface Orders {
                  @io.avaje.jsonb.Json record Order(long id, String item) {}
                  @Get("/{id}") Order find(@PathParam("id") long id, @HeaderParam("X-Tenant") Optional<String> tenant);
                  @Get List<Order> list(@QueryParam("limit") @Default("20") int limit);
                  @Post Response create(@Body Order order, Principal principal);
                  @Delete("/{id}") void delete(@PathParam("id") long id);
                }
                """));
        assertThat(compilation).succeeded();
        assertThat(compilation).generatedSourceFile("test.OrdersClient").contentsAsUtf8String().contains("""
                  public Orders.Order find(long id, Optional<String> tenant) {
                    return client.call("GET", "/orders/{id}")
                        .path("id", id)
                        .header("X-Tenant", tenant)
                        .send()
                        .json(orderJson);
                  }
                """);
        assertThat(compilation).generatedSourceFile("test.OrdersClient").contentsAsUtf8String().contains("""
                    this.orderListJson = client.jsonb().type(Orders.Order.class).list();
                """);
        assertThat(compilation).generatedSourceFile("test.OrdersClient").contentsAsUtf8String().contains("""
                  public void delete(long id) {
                    client.call("DELETE", "/orders/{id}")
                        .path("id", id)
                        .send();
                  }
                """);
    }
}
