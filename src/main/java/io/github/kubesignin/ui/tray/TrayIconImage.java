package io.github.kubesignin.ui.tray;

import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The tray icon from the renditions in {@code icons/tray} (drawn on a 16 px grid so that they stay sharp), copied to
 * the class path by the build. The tray's own size is used when a rendition exists for it; otherwise the next
 * larger one is scaled down, which stays crisper than scaling a small one up.
 */
final class TrayIconImage {
    /** The sizes rendered by {@code icons/render.sh}; tray hosts ask for 16, 22, 24, 32 or 48 px in practice. */
    static final List<Integer> SIZES = List.of(16, 22, 24, 32, 48);

    private TrayIconImage() {
    }

    static BufferedImage forTraySize(int size) {
        int chosen = SIZES.get(SIZES.size() - 1);
        for (int available : SIZES) {
            if (available >= size) {
                chosen = available;
                break;
            }
        }
        BufferedImage rendition = load(chosen);
        return chosen == size ? rendition : scaled(rendition, size);
    }

    static BufferedImage load(int size) {
        String name = "icons/kubesignin-tray-" + size + ".png";
        try (InputStream in = TrayIconImage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the tray icon " + name + " is missing from the build (icons/tray)");
            }
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tray icon " + name, e);
        }
    }

    private static BufferedImage scaled(BufferedImage source, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source.getScaledInstance(size, size, Image.SCALE_SMOOTH), 0, 0, null);
        } finally {
            g.dispose();
        }
        return image;
    }
}
