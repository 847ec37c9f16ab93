package io.github.kubesignin.ui.tray;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/**
 * The app icon ({@code icons/kubesignin.svg}: a key on Kubernetes blue) drawn with Java2D at the tray's own pixel
 * size, so it is sharp at 16 to 48 px without shipping a PNG per size (AWT cannot read SVG). The geometry is the
 * SVG's, on its 512-unit grid.
 */
final class TrayIconImage {
    private static final Color KUBERNETES_BLUE = new Color(0x32, 0x6C, 0xE5);

    private TrayIconImage() {
    }

    static BufferedImage render(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(size / 512.0, size / 512.0);
            g.setColor(KUBERNETES_BLUE);
            g.fill(new RoundRectangle2D.Double(16, 16, 480, 480, 192, 192));
            g.setColor(Color.WHITE);
            // below 24 px the SVG's 44-unit stroke would be under 2 px and blur away: keep it at least 2 px wide
            float stroke = (float) Math.max(44, 2 * 512.0 / size);
            g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Ellipse2D.Double(184 - 88, 256 - 88, 176, 176));
            Path2D.Double bit = new Path2D.Double();
            bit.moveTo(272, 256);
            bit.lineTo(424, 256);
            bit.moveTo(376, 256);
            bit.lineTo(376, 320);
            bit.moveTo(424, 256);
            bit.lineTo(424, 304);
            g.draw(bit);
            g.fill(new Ellipse2D.Double(184 - 26, 256 - 26, 52, 52));
        } finally {
            g.dispose();
        }
        return image;
    }
}
