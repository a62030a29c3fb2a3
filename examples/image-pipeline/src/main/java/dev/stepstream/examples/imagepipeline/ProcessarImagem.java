package dev.stepstream.examples.imagepipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.worker.TaskContext;
import dev.stepstream.worker.TaskFailure;
import dev.stepstream.worker.TaskHandler;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * Task {@code ProcessarImagem}: makes a PNG thumbnail of the stored image ({@code arquivo}, as
 * {@code SalvarImagem} outputs it), at most 128 px on its long side, written next to the original
 * as {@code <name>-thumb.png}. Output: the input plus {@code miniatura} (its path),
 * {@code larguraMiniatura} and {@code alturaMiniatura}. Errors: {@code Imagem.NaoEncontrada} when
 * the file is gone, {@code Imagem.Invalida} when it cannot be read as an image.
 */
public final class ProcessarImagem implements TaskHandler {
  public static final String TASK = "ProcessarImagem";
  public static final String NAO_ENCONTRADA = "Imagem.NaoEncontrada";
  public static final int LADO_MAXIMO = 128;

  @Override
  public Object handle(JsonNode input, TaskContext ctx) throws IOException {
    ObjectNode entrada = Entrada.objeto(input, "arquivo");
    Path original = Path.of(Entrada.texto(entrada, "arquivo"));
    if (!Files.isRegularFile(original)) {
      throw new TaskFailure(NAO_ENCONTRADA, "O arquivo " + original + " não existe");
    }
    BufferedImage imagem = ImagemLida.decodificar(Files.readAllBytes(original), original.toString()).imagem();
    BufferedImage miniatura = Miniaturas.reduzir(imagem, LADO_MAXIMO);
    Path destino = original.resolveSibling(semExtensao(original) + "-thumb.png").toAbsolutePath();
    gravarPng(miniatura, destino);

    ObjectNode saida = Entrada.saida(entrada);
    saida.put("miniatura", destino.toString());
    saida.put("larguraMiniatura", miniatura.getWidth());
    saida.put("alturaMiniatura", miniatura.getHeight());
    return saida;
  }

  private static String semExtensao(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static void gravarPng(BufferedImage image, Path destino) throws IOException {
    Path temp = Files.createTempFile(destino.getParent(), ".miniatura-", ".tmp");
    try {
      if (!ImageIO.write(image, "png", temp.toFile())) {
        throw new IOException("no PNG writer available");
      }
      Files.move(temp, destino, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
