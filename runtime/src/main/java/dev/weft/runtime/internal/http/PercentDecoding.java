package dev.weft.runtime.internal.http;

import dev.weft.runtime.http.HttpException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Decodes {@code %XX} escapes of a path segment as UTF-8; unlike form decoding, {@code +} stays a plus. */
final class PercentDecoding {

    private PercentDecoding() {}

    static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        int i = 0;
        while (i < segment.length()) {
            char c = segment.charAt(i);
            if (c == '%') {
                int high = i + 1 < segment.length() ? Character.digit(segment.charAt(i + 1), 16) : -1;
                int low = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw HttpException.badRequest("malformed percent-encoding in path segment '" + segment + "'");
                }
                bytes.write(high * 16 + low);
                i += 3;
            } else {
                int codePoint = segment.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
