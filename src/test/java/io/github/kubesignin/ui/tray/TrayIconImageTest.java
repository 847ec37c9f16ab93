package io.github.kubesignin.ui.tray;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The tray icon comes from the renditions in icons/tray, at the size the tray host asks for. */
class TrayIconImageTest {
    private static final int KUBERNETES_BLUE = 0x326CE5;

    @Test
    void everyRenditionIsOnTheClassPathAtItsSize() {
        for (int size : TrayIconImage.SIZES) {
            BufferedImage image = TrayIconImage.load(size);
            assertThat(image.getWidth()).as("width of %d px rendition", size).isEqualTo(size);
            assertThat(image.getHeight()).isEqualTo(size);
            assertThat(isBlue(image, size / 2, 1)).as("the blue tile, %d px", size).isTrue();
        }
    }

    @Test
    void aSizeWithARenditionIsUsedAsIs() {
        BufferedImage image = TrayIconImage.forTraySize(22);
        BufferedImage rendition = TrayIconImage.load(22);
        for (int y = 0; y < 22; y++) {
            for (int x = 0; x < 22; x++) {
                assertThat(image.getRGB(x, y)).isEqualTo(rendition.getRGB(x, y));
            }
        }
    }

    @Test
    void otherSizesAreScaledFromTheNextLargerRendition() {
        assertThat(TrayIconImage.forTraySize(20).getWidth()).isEqualTo(20);
        assertThat(TrayIconImage.forTraySize(64).getWidth()).as("larger than the largest: scaled from 48").isEqualTo(64);
        BufferedImage twenty = TrayIconImage.forTraySize(20);
        assertThat(isBlue(twenty, 10, 1)).as("still blue at the top edge's middle").isTrue();
    }

    /** Kubernetes blue, give or take the rounding of a scaled rendition. */
    private static boolean isBlue(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((rgb >> shift & 0xFF) - (KUBERNETES_BLUE >> shift & 0xFF)) > 3) {
                return false;
            }
        }
        return (rgb >>> 24) == 0xFF;
    }
}
