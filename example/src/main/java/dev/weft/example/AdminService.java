package dev.weft.example;

import java.lang.management.ManagementFactory;

/** Statistics for administrators. */
public final class AdminService implements AdminApi {

    private final OrderService orders;

    public AdminService(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public Stats stats() {
        return new Stats(orders.count(), ManagementFactory.getRuntimeMXBean().getUptime() / 1000,
                Runtime.getRuntime().availableProcessors());
    }
}
