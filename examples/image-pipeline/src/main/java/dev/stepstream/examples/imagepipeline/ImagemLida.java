package dev.stepstream.examples.imagepipeline;

import dev.stepstream.worker.TaskFailure;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** An image decoded with {@code javax.imageio}, with the format it was stored in. */
record ImagemLida(BufferedImage imagem, String formato) {

  /** Decodes {@code bytes} completely, or fails with {@code Imagem.Invalida}. */
  static ImagemLida decodificar(byte[] bytes, String origem) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw invalida(origem, "formato desconhecido");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        BufferedImage image = reader.read(0);
        return new ImagemLida(image, reader.getFormatName().toLowerCase(Locale.ROOT));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof TaskFailure failure) {
        throw failure;
      }
      throw invalida(origem, e.getMessage());
    }
  }

  /** The file extension for this format ({@code jpeg} is stored as {@code .jpg}). */
  String extensao() {
    return formato.equals("jpeg") ? "jpg" : formato;
  }

  int largura() {
    return imagem.getWidth();
  }

  int altura() {
    return imagem.getHeight();
  }

  private static TaskFailure invalida(String origem, String motivo) {
    return new TaskFailure(Entrada.IMAGEM_INVALIDA, origem + " não é uma imagem legível (" + motivo + ")");
  }
}
