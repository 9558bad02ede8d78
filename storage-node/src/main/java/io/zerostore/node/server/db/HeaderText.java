package io.zerostore.node.server.db;

import io.netty.util.AsciiString;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Header values carry UTF-8 bytes; Netty hands them over as one char per byte (ISO-8859-1), but
 * writes a {@code String} header as US-ASCII (anything else becomes {@code ?}). Stored metadata is
 * real text, so it is decoded on the way in and written back as raw bytes ({@link AsciiString}).
 */
public final class HeaderText {
    private HeaderText() {}

    /** The text of a header value; null when the bytes are not UTF-8. */
    public static String decode(String wire) {
        if (wire == null) {
            return null;
        }
        if (isAscii(wire)) {
            return wire;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(wire.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The header value that puts {@code text}'s UTF-8 bytes on the wire. */
    public static CharSequence encode(String text) {
        if (isAscii(text)) {
            return text;
        }
        return new AsciiString(text.getBytes(StandardCharsets.UTF_8), false);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }
}
