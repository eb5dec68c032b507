package org.hotlinehub.model;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

import javax.imageio.ImageIO;

/** Scales a photo down for a list or a page (JPEG, on white), keeping its proportions; never scales up. */
public final class Thumbnails {

    private Thumbnails() {
    }

    /**
     * @return the photo scaled to fit {@code max} × {@code max} pixels as JPEG, or empty when Java cannot read the
     *         format (WebP) or the bytes are no image; a photo already that small is returned as it is
     */
    public static Optional<byte[]> fit(byte[] photo, int max) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(photo));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (image == null) {
            return Optional.empty();
        }
        if (image.getWidth() <= max && image.getHeight() <= max) {
            return Optional.of(photo);
        }
        double scale = Math.min((double) max / image.getWidth(), (double) max / image.getHeight());
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(small, "jpg", out)) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(out.toByteArray());
    }
}
