package app;

import dev.weft.runtime.http.Principal;
import dev.weft.runtime.http.Request;
import dev.weft.runtime.http.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Java implementations of the test interfaces, echoing what the generated routes pass them. */
public final class Implementations {

    private Implementations() {}

    public static final class Params implements ParamsApi {

        @Override
        public String path(int i, long l, double d, boolean b, Color c) {
            return "i=" + i + " l=" + l + " d=" + d + " b=" + b + " c=" + c;
        }

        @Override
        public String query(Integer n, float f, Optional<Long> opt, Color color, boolean flag) {
            return "n=" + n + " f=" + f + " opt=" + opt + " color=" + color + " flag=" + flag;
        }

        @Override
        public String header(long count, Optional<String> name, String mode) {
            return "count=" + count + " name=" + name + " mode=" + mode;
        }

        @Override
        public String bounded(int n, Optional<Double> x, long big) {
            return "n=" + n + " x=" + x + " big=" + big;
        }

        @Override
        public String request(String id, Request request) {
            return "id=" + id + " path=" + request.rawPath();
        }
    }

    public static final class Bodies implements BodiesApi {

        @Override
        public byte[] bytes(byte[] body) {
            byte[] reversed = new byte[body.length];
            for (int i = 0; i < body.length; i++) {
                reversed[i] = body[body.length - 1 - i];
            }
            return reversed;
        }

        @Override
        public String text(String text) {
            return text.toUpperCase();
        }

        @Override
        public Item item(Item item) {
            return new Item(item.name(), item.quantity() + 1);
        }

        @Override
        public int count(List<Item> items) {
            return items.stream().mapToInt(Item::quantity).sum();
        }

        @Override
        public String checked(int n, Item item) {
            return n + " " + item;
        }
    }

    public static final class Returns implements ReturnsApi {

        public int deletions;

        @Override
        public String text() {
            return "héllo";
        }

        @Override
        public void deleteText() {
            deletions++;
        }

        @Override
        public byte[] bytes() {
            return new byte[] {0, 1, (byte) 0xff};
        }

        @Override
        public Item json() {
            return new Item("pen", 3);
        }

        @Override
        public List<Item> list() {
            return List.of(new Item("a", 1), new Item("b", 2));
        }

        @Override
        public int number() {
            return 42;
        }

        @Override
        public Double ratio() {
            return 0.5;
        }

        @Override
        public boolean flag() {
            return true;
        }

        @Override
        public Response created(String name) {
            return Response.status(201).header("Location", "/things/" + name).text(name);
        }

        @Override
        public String checked() throws IOException {
            throw new IOException("disk on fire");
        }
    }

    public static final class Names implements NamesApi {

        @Override
        public String collide(String request, String params, Request original) {
            return "request=" + request + " params=" + params + " path=" + original.rawPath();
        }

        @Override
        public String byName(String slug, Optional<Integer> page) {
            return "slug=" + slug + " page=" + page;
        }
    }

    public static final class Inner implements Outer.InnerApi {

        @Override
        public String ping() {
            return "pong";
        }
    }

    public static final class Validated implements ValidatedApi {

        @Override
        public String order(String code, Optional<String> tag, Order order) {
            return code + " " + tag + " " + order.customer() + " " + order.lines().size();
        }

        @Override
        public int lines(List<Line> lines) {
            return lines.size();
        }
    }

    public static final class Secured implements SecuredApi {

        @Override
        public String me(Principal principal, Request request) {
            String text = principal.subject() + " via " + request.attribute("chain");
            Chains.record(request, "handler");
            return text;
        }

        @Override
        public String delete(int id, Request request) {
            String text = "deleted " + id + " via " + request.attribute("chain");
            Chains.record(request, "handler");
            return text;
        }

        @Override
        public String audits() {
            return "audits";
        }

        @Override
        public String auditLog() {
            return "audit log";
        }
    }
}
