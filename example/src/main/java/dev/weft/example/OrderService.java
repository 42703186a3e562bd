package dev.weft.example;

import dev.weft.runtime.data.Databases;
import dev.weft.runtime.http.Principal;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.json.JsonTypes;
import dev.weft.runtime.wasm.WasmModules;
import io.avaje.jsonb.JsonType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps orders in the data source {@code orders} (SQLite under {@code EXAMPLE_DATA_DIR} by
 * default): a 201 is answered only after the insert has committed, so an acknowledged order
 * survives a crash.
 */
public final class OrderService extends OrdersApiWasm {

    static final String DATA_SOURCE = "orders";
    private static final JsonType<Order> ORDER_JSON = JsonTypes.of(Order.class);
    private static final String COLUMNS = "id, item, quantity, owner";

    private final Databases databases;

    public OrderService(WasmModules modules, Databases databases) {
        super(modules);
        this.databases = databases;
    }

    @Override
    public Response create(NewOrder order, Principal principal) {
        Order stored = databases.inTransaction(DATA_SOURCE, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO orders (item, quantity, owner) VALUES (?, ?, ?) RETURNING " + COLUMNS)) {
                insert.setString(1, order.item());
                insert.setInt(2, order.quantity());
                insert.setString(3, principal.subject());
                try (ResultSet rows = insert.executeQuery()) {
                    rows.next();
                    return order(rows);
                }
            }
        });
        return Response.status(201).header("Location", "/orders/" + stored.id()).json(ORDER_JSON, stored);
    }

    @Override
    public Order find(long id) {
        return databases.inTransaction(DATA_SOURCE, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM orders WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        throw new OrderNotFoundException(id);
                    }
                    return order(rows);
                }
            }
        });
    }

    @Override
    public OrderList newest(int limit) {
        return new OrderList(databases.inTransaction(DATA_SOURCE, connection -> {
            List<Order> orders = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM orders ORDER BY id DESC LIMIT ?")) {
                select.setInt(1, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        orders.add(order(rows));
                    }
                }
            }
            return orders;
        }));
    }

    @Override
    public Summary javaSummary() {
        return databases.inTransaction(DATA_SOURCE, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) AS count, COALESCE(SUM(quantity), 0) AS quantity FROM orders");
                    ResultSet rows = select.executeQuery()) {
                rows.next();
                return new Summary(rows.getLong(1), rows.getLong(2));
            }
        });
    }

    /** How many orders were taken, for the admin's statistics. */
    public int count() {
        return databases.inTransaction(DATA_SOURCE, OrderService::count);
    }

    private static int count(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM orders");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Order order(ResultSet rows) throws SQLException {
        return new Order(rows.getLong(1), rows.getString(2), rows.getInt(3), rows.getString(4));
    }

    /** No order has this id; the application maps it to 404. */
    public static final class OrderNotFoundException extends RuntimeException {
        OrderNotFoundException(long id) {
            super("there is no order " + id);
        }
    }
}
