package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class MatmulClientTest {

    @Test
    void parsesTheChecksumExactlyWhicheverWayTheServerWroteIt() throws IOException {
        // Java and Rust write 3.1238545706446E7, JavaScript 31238545.706446: the same double.
        MatmulClient.Answer java =
                MatmulClient.parse("{\"n\":500,\"seed\":1,\"checksum\":3.1238545706446E7,\"computeMs\":70.5}");
        MatmulClient.Answer js =
                MatmulClient.parse("{\"n\":500,\"seed\":1,\"checksum\":31238545.706446,\"computeMs\":71}");
        assertEquals(Double.doubleToRawLongBits(3.1238545706446E7), Double.doubleToRawLongBits(java.checksum()));
        assertEquals(Double.doubleToRawLongBits(java.checksum()), Double.doubleToRawLongBits(js.checksum()));
        assertEquals(71.0, js.computeMs());
    }

    @Test
    void keepsEverySignificantDigit() throws IOException {
        MatmulClient.Answer answer =
                MatmulClient.parse("{\"n\":200,\"seed\":7,\"checksum\":1990844.2641906105,\"computeMs\":1.0}");
        assertEquals("1990844.2641906105", Double.toString(answer.checksum()));
        assertEquals(
                4_294_967_295L,
                MatmulClient.parse("{\"n\":1,\"seed\":4294967295,\"checksum\":0.5,\"computeMs\":0}")
                        .seed());
    }

    @Test
    void refusesAnAnswerWithoutAChecksum() {
        assertThrows(IOException.class, () -> MatmulClient.parse("{\"n\":500,\"seed\":1,\"computeMs\":70.5}"));
    }
}
