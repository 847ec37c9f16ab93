package io.github.kubesignin.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The modules kubesignin draws read back as the URL, with ZXing's own decoder as the phone. */
class QrCodeTest {
    @Test
    void aVerificationUrlReadsBack() throws Exception {
        String url = "https://idp.example.com/realms/kube/device?user_code=BCDF-GHJK";
        QrCode code = QrCode.encode(url);
        assertThat(code.size()).isBetween(21, 177).matches(size -> (size - 17) % 4 == 0, "a QR version size");

        int scale = 4;
        int quiet = 4;
        int side = (code.size() + 2 * quiet) * scale;
        int[] pixels = new int[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int mx = x / scale - quiet;
                int my = y / scale - quiet;
                boolean dark = mx >= 0 && my >= 0 && mx < code.size() && my < code.size() && code.isDark(mx, my);
                pixels[y * side + x] = dark ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));
        String read = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        assertThat(read).isEqualTo(url);
    }
}
