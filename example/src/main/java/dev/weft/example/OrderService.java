package dev.weft.example;

import dev.weft.runtime.http.Principal;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.json.JsonTypes;
import io.avaje.jsonb.JsonType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Keeps orders in memory: enough for an example, and safe across concurrent requests. */
public final class OrderService implements OrdersApi {

    private static final JsonType<Order> ORDER_JSON = JsonTypes.of(Order.class);

    private final Map<Long, Order> orders = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public Response create(NewOrder order, Principal principal) {
        long id = ids.incrementAndGet();
        Order stored = new Order(id, order.item(), order.quantity(), principal.subject());
        orders.put(id, stored);
        return Response.status(201).header("Location", "/orders/" + id).json(ORDER_JSON, stored);
    }

    @Override
    public Order find(long id) {
        Order order = orders.get(id);
        if (order == null) {
            throw new OrderNotFoundException(id);
        }
        return order;
    }

    /** How many orders were taken, for the admin's statistics. */
    public int count() {
        return orders.size();
    }

    /** No order has this id; the application maps it to 404. */
    public static final class OrderNotFoundException extends RuntimeException {
        OrderNotFoundException(long id) {
            super("there is no order " + id);
        }
    }
}
