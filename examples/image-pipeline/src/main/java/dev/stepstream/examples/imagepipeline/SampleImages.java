package dev.stepstream.examples.imagepipeline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Draws a sample picture (sky, sun, mountains) to feed the pipeline in the README, the tour and tests. */
public final class SampleImages {
  public static final int DEFAULT_WIDTH = 640;
  public static final int DEFAULT_HEIGHT = 400;
  private static final Logger LOG = LoggerFactory.getLogger(SampleImages.class);

  private SampleImages() {}

  /** Writes a 640×400 sample PNG to {@code file} (parent directories are created). */
  public static Path writeSamplePng(Path file) throws IOException {
    return writeSamplePng(file, DEFAULT_WIDTH, DEFAULT_HEIGHT);
  }

  public static Path writeSamplePng(Path file, int width, int height) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(file, samplePng(width, height));
    return file;
  }

  /** The sample picture as PNG bytes. */
  public static byte[] samplePng(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(draw(width, height), "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the sample PNG", e);
    }
    return out.toByteArray();
  }

  /** The sample picture as base64, ready for {@code {"imagem": "..."}}. */
  public static String samplePngBase64(int width, int height) {
    return Base64.getEncoder().encodeToString(samplePng(width, height));
  }

  private static BufferedImage draw(int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("the sample needs a positive size but got " + width + "x" + height);
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setPaint(new GradientPaint(0, 0, new Color(0x1E3C72), 0, height, new Color(0xF6D365)));
      g.fillRect(0, 0, width, height);
      int sun = Math.max(4, Math.min(width, height) / 4);
      g.setColor(new Color(0xFFB347));
      g.fillOval(width * 2 / 3, height / 6, sun, sun);
      g.setColor(new Color(0x2F4858));
      g.fillPolygon(new Polygon(new int[] {0, width / 3, width * 2 / 3, width, width, 0},
          new int[] {height * 3 / 4, height / 3, height * 2 / 3, height / 2, height, height}, 6));
      g.setColor(Color.WHITE);
      g.setStroke(new BasicStroke(Math.max(1, height / 100f)));
      g.drawRect(0, 0, width - 1, height - 1);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(8, height / 10)));
      g.drawString("Stepstream", width / 20, height / 5);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Writes the sample PNG to the given path (default {@code amostra.png}). */
  public static void main(String[] args) throws IOException {
    Path file = writeSamplePng(Path.of(args.length > 0 ? args[0] : "amostra.png"));
    LOG.info("Sample image written to {}", file.toAbsolutePath());
  }
}
