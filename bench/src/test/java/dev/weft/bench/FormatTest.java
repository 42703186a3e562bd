package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void significantKeepsThreeDigitsWithoutExponent() {
        assertEquals("0.0123", Format.significant(0.012345));
        assertEquals("0.500", Format.significant(0.5));
        assertEquals("7.20", Format.significant(7.2));
        assertEquals("61.0", Format.significant(61));
        assertEquals("1000", Format.significant(999.96));
        assertEquals("123457", Format.significant(123456.7));
        assertEquals("", Format.significant(Double.NaN));
    }

    @Test
    void durationsPickTheirUnit() {
        assertEquals("850 ms", Format.duration(850));
        assertEquals("12.3 s", Format.duration(12_345));
        assertEquals("4.5 min", Format.duration(270_000));
    }

    @Test
    void fileSizesInDecimalUnits() {
        assertEquals("850 B", Format.bytes(850));
        assertEquals("3.2 kB", Format.bytes(3_210));
        assertEquals("8.5 MB", Format.bytes(8_497_610));
    }

    @Test
    void reportPValuesBelowOneIn10To15AreABound() {
        assertEquals("0.021", Format.pValue(0.021378));
        assertEquals("3.2e-08", Format.pValue(3.2e-8));
        assertEquals("< 1e-15", Format.pValue(1.9e-169));
        assertEquals("< 1e-15", Format.pValue(0.0));
    }

    @Test
    void csvPValuesKeepFullPrecisionAndAnUnderflowIsABound() {
        assertEquals("1.897346458725607E-169", Format.pValueExact(1.897346458725607e-169));
        assertEquals("0.021378", Format.pValueExact(0.021378));
        assertEquals("<4.9E-324", Format.pValueExact(0.0));
        assertEquals("", Format.pValueExact(Double.NaN));
    }
}
