package dev.stepstream.examples.imagepipeline;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Real image files for the tests. */
final class Imagens {
  private Imagens() {}

  static Path png(Path dir, String name, int width, int height) throws IOException {
    return SampleImages.writeSamplePng(dir.resolve(name), width, height);
  }

  static Path jpeg(Path dir, String name, int width, int height) throws IOException {
    BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(SampleImages.samplePng(width, height)));
    Path file = dir.resolve(name);
    ImageIO.write(image, "jpeg", file.toFile());
    return file;
  }

  static Path texto(Path dir, String name) throws IOException {
    return Files.writeString(dir.resolve(name), "isto não é uma imagem\n");
  }

  static BufferedImage ler(Path file) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    if (image == null) {
      throw new IOException(file + " is not readable by ImageIO");
    }
    return image;
  }
}
