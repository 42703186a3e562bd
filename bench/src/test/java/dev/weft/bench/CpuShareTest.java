package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuShareTest {

    @Test
    void othersAreTheBusyTimeThatWasNotOurs() {
        CpuShare.Share share = CpuShare.between(
                new CpuShare.Snapshot(1_000, 400, 10, 100), new CpuShare.Snapshot(2_000, 1_000, 30, 400));
        assertEquals(30.0, share.others(), 1e-12); // (600 busy - 300 ours) of 1000
        assertEquals(2.0, share.steal(), 1e-12);
    }

    @Test
    void readsThisMachine() {
        CpuShare.Snapshot start = CpuShare.now();
        long spin = System.nanoTime() + 50_000_000;
        while (System.nanoTime() < spin) {
            Thread.onSpinWait();
        }
        CpuShare.Share share = CpuShare.between(start, CpuShare.now());
        assertTrue(share.others() >= 0 && share.others() <= 100, "others " + share.others());
    }
}
