package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much of the machine's CPU went to other work while the run went on: all busy time (from
 * /proc/stat) minus the harness's own, which includes every server and wrk it started and waited
 * for (cutime and cstime in /proc/self/stat). On a shared machine this says how noisy the
 * numbers are.
 */
public final class CpuShare {

    /** Cumulative counters at one moment, in clock ticks summed over all cores. */
    public record Snapshot(long total, long busy, long steal, long own) {}

    /**
     * Shares of all the machine's CPU time over an interval, in percent.
     *
     * @param others busy time that was not the run's own
     * @param steal time the hypervisor gave to other virtual machines
     */
    public record Share(double others, double steal) {}

    private CpuShare() {}

    public static Snapshot now() {
        try {
            // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= 8; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long busy = sum(cpu, 1, 2, 3, 6, 7);
            // "pid (comm) state ...": the fields after the command name, which may hold spaces
            String self = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = self.substring(self.lastIndexOf(')') + 2).split(" ");
            long own = sum(fields, 11, 12, 13, 14); // utime, stime, cutime, cstime (fields 14 to 17)
            return new Snapshot(total, busy, Long.parseLong(cpu[8]), own);
        } catch (IOException | RuntimeException e) {
            return new Snapshot(0, 0, 0, 0); // not Linux: the share shows as unknown
        }
    }

    /** The shares between two snapshots; NaN when nothing could be read. */
    public static Share between(Snapshot start, Snapshot end) {
        double total = end.total() - start.total();
        if (total <= 0) {
            return new Share(Double.NaN, Double.NaN);
        }
        double others = (end.busy() - start.busy()) - (end.own() - start.own());
        return new Share(Math.max(0, 100 * others / total), 100 * (end.steal() - start.steal()) / total);
    }

    private static long sum(String[] fields, int... indexes) {
        long sum = 0;
        for (int index : indexes) {
            sum += Long.parseLong(fields[index]);
        }
        return sum;
    }
}
