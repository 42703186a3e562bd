package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumBookTest {

    private static final double REFERENCE_500 = 3.1238545706446E7;

    @TempDir
    Path dir;

    private ChecksumBook book() throws Exception {
        Path file = dir.resolve("reference-checksums.txt");
        Files.writeString(file, "# n seed checksum\n500 1 3.1238545706446E7\n\n");
        return ChecksumBook.withReferences(file);
    }

    @Test
    void agreeingChecksumsPassAndAreCounted() throws Exception {
        ChecksumBook book = book();
        book.check("weft-wasm", 500, 1, REFERENCE_500);
        book.check("gin", 500, 1, REFERENCE_500);
        book.check("weft-wasm", 500, 2, 123.25); // no reference: the first answer sets the value
        book.check("gin", 500, 2, 123.25);
        assertEquals(4, book.checked());
        assertEquals(2, book.checkedAgainstReference());
    }

    @Test
    void theCommittedReferenceFileCoversTheLargeSizes() throws Exception {
        ChecksumBook book = ChecksumBook.withReferences(Path.of("peers/reference-checksums.txt"));
        book.check("weft-wasm", 1000, 1, 2.5015464475530568E8);
        book.check("weft-wasm", 2000, 1, 2.0010787626714964E9);
        book.check("weft-wasm", 2000, 1001, 2.0013932990380108E9);
        assertEquals(3, book.checkedAgainstReference());
        assertThrows(ChecksumBook.MismatchException.class, () -> book.check("gin", 2000, 1, 2.001e9));
    }

    @Test
    void answersAfterTheFirstOfTheirPairAreComparedAcrossSystems() throws Exception {
        ChecksumBook book = book();
        book.check("weft-wasm", 500, 1, REFERENCE_500);
        book.check("gin", 500, 1, REFERENCE_500);
        book.check("spring", 500, 1, REFERENCE_500);
        book.check("gin", 500, 7, 1.5); // answered by one system only
        assertEquals(4, book.checked());
        assertEquals(2, book.comparedWithEarlierAnswer());
    }

    @Test
    void aChecksumFarFromTheReferenceFails() throws Exception {
        ChecksumBook book = book();
        ChecksumBook.MismatchException e = assertThrows(
                ChecksumBook.MismatchException.class, () -> book.check("fastapi", 500, 1, REFERENCE_500 * (1 + 1e-9)));
        assertTrue(e.getMessage().contains("fastapi") && e.getMessage().contains("reference"), e.getMessage());
    }

    @Test
    void withinTheReferenceToleranceButNotBitForBitWithTheFirstSystemFails() throws Exception {
        ChecksumBook book = book();
        book.check("weft-wasm", 500, 1, REFERENCE_500);
        double close = Math.nextUp(REFERENCE_500); // relative difference ~1e-16: the reference accepts it
        ChecksumBook.MismatchException e =
                assertThrows(ChecksumBook.MismatchException.class, () -> book.check("spring", 500, 1, close));
        assertTrue(e.getMessage().contains("weft-wasm") && e.getMessage().contains("spring"), e.getMessage());
    }

    @Test
    void aDisagreementWithoutReferenceFails() throws Exception {
        ChecksumBook book = book();
        assertThrows(ChecksumBook.MismatchException.class, () -> {
            book.check("gin", 1000, 3, 1.5);
            book.check("express-node", 1000, 3, 1.5000000000000002);
        });
    }

    @Test
    void notANumberIsNeverAMatch() throws Exception {
        ChecksumBook book = book();
        assertThrows(ChecksumBook.MismatchException.class, () -> book.check("gin", 500, 1, Double.NaN));
    }
}
