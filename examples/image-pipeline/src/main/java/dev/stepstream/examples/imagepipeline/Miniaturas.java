package dev.stepstream.examples.imagepipeline;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Scales images down with Graphics2D, halving step by step so large reductions stay smooth. */
final class Miniaturas {
  private Miniaturas() {}

  /** The image scaled so its long side is at most {@code ladoMaximo}; smaller images keep their size. */
  static BufferedImage reduzir(BufferedImage original, int ladoMaximo) {
    int longSide = Math.max(original.getWidth(), original.getHeight());
    double scale = Math.min(1.0, (double) ladoMaximo / longSide);
    int width = Math.max(1, (int) Math.round(original.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(original.getHeight() * scale));

    BufferedImage current = original;
    while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
      current = desenhar(current, current.getWidth() / 2, current.getHeight() / 2);
    }
    return desenhar(current, width, height);
  }

  private static BufferedImage desenhar(BufferedImage source, int width, int height) {
    BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = target.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.drawImage(source, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return target;
  }
}
