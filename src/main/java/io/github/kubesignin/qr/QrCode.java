package io.github.kubesignin.qr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Map;

/**
 * A QR code as dark and light modules, without the quiet zone, so that any toolkit can draw it. The encoding is
 * ZXing's (its only use in kubesignin); the device sign-in shows its verification URL this way for a phone camera.
 */
public final class QrCode {
    private final int size;
    private final BitSet dark;

    private QrCode(int size, BitSet dark) {
        this.size = size;
        this.dark = dark;
    }

    /** Encodes text (a URL) with error correction level M. */
    public static QrCode encode(String text) {
        try {
            ByteMatrix matrix = Encoder.encode(text, ErrorCorrectionLevel.M,
                    Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name())).getMatrix();
            int size = matrix.getWidth();
            BitSet dark = new BitSet(size * size);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    dark.set(y * size + x, matrix.get(x, y) == 1);
                }
            }
            return new QrCode(size, dark);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code of " + text.length() + " characters: " + e.getMessage(), e);
        }
    }

    /** Modules per side (21 for version 1, 4 more per version). */
    public int size() {
        return size;
    }

    public boolean isDark(int x, int y) {
        return dark.get(y * size + x);
    }
}
