package dev.stepstream.examples.imagepipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.worker.TaskContext;
import dev.stepstream.worker.TaskFailure;
import dev.stepstream.worker.TaskHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Task {@code SalvarImagem}: stores the image given as {@code imagem} (a file path, or base64 data,
 * optionally as a {@code data:image/...;base64,} URL) in the store directory, after checking that
 * {@code javax.imageio} can read it.
 *
 * <p>Input {@code {"imagem": "...", "nome"?: "..."}}; output: the input plus {@code arquivo} (the
 * stored path), {@code largura}, {@code altura}, {@code bytes} and {@code formato}. Base64 data is
 * not carried on in the output (it can be megabytes); a path is. Errors: {@code Imagem.Invalida},
 * {@code Imagem.MuitoGrande} (over 10 MiB). Storing the same image under the same name twice gives
 * the same file, so a redelivered task is harmless.
 */
public final class SalvarImagem implements TaskHandler {
  public static final String TASK = "SalvarImagem";
  public static final String MUITO_GRANDE = "Imagem.MuitoGrande";
  public static final long MAX_BYTES = 10L * 1024 * 1024;
  private static final Pattern DATA_URL = Pattern.compile("^data:[^,]*;base64,");
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");
  private static final int MAX_NAME = 100;

  private final Path store;

  public SalvarImagem(Path storeDir) {
    this.store = storeDir;
  }

  @Override
  public Object handle(JsonNode input, TaskContext ctx) throws IOException {
    ObjectNode entrada = Entrada.objeto(input, "imagem");
    String imagem = Entrada.texto(entrada, "imagem");
    Path arquivoOrigem = arquivoExistente(imagem);
    byte[] bytes = arquivoOrigem != null ? lerArquivo(arquivoOrigem) : decodificarBase64(imagem);
    ImagemLida lida = ImagemLida.decodificar(bytes, arquivoOrigem != null ? arquivoOrigem.toString() : "O conteúdo base64");

    String nome = nome(entrada.path("nome").asText(""), arquivoOrigem, bytes);
    Path destino = gravar(bytes, nome + "." + lida.extensao());

    ObjectNode saida = Entrada.saida(entrada);
    if (arquivoOrigem == null) {
      saida.remove("imagem");
    }
    saida.put("arquivo", destino.toString());
    saida.put("largura", lida.largura());
    saida.put("altura", lida.altura());
    saida.put("bytes", bytes.length);
    saida.put("formato", lida.formato());
    return saida;
  }

  /** The path {@code imagem} names when it is an existing regular file, else null (then it is data). */
  private static Path arquivoExistente(String imagem) {
    if (imagem.length() > 4096) {
      return null;
    }
    try {
      String expanded = imagem.startsWith("~/") ? System.getProperty("user.home") + imagem.substring(1) : imagem;
      Path path = Path.of(expanded);
      return Files.isRegularFile(path) ? path.toAbsolutePath() : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private static byte[] lerArquivo(Path path) throws IOException {
    long size = Files.size(path);
    if (size > MAX_BYTES) {
      throw muitoGrande(size);
    }
    return Files.readAllBytes(path);
  }

  private static byte[] decodificarBase64(String imagem) {
    String base64 = DATA_URL.matcher(imagem).replaceFirst("").replaceAll("\\s+", "");
    long estimated = base64.length() / 4L * 3L;
    if (estimated > MAX_BYTES + 2) {
      throw muitoGrande(estimated);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new TaskFailure(Entrada.IMAGEM_INVALIDA, "\"imagem\" não é um arquivo existente nem dados base64: " + abreviar(imagem));
    }
    if (bytes.length > MAX_BYTES) {
      throw muitoGrande(bytes.length);
    }
    return bytes;
  }

  /** The chosen name, or the source file's, or one derived from the content (stable across retries). */
  private static String nome(String pedido, Path origem, byte[] bytes) {
    String base = !pedido.isBlank() ? pedido : origem != null ? origem.getFileName().toString() : "";
    int dot = base.lastIndexOf('.');
    String semExtensao = dot > 0 ? base.substring(0, dot) : base;
    String seguro = UNSAFE.matcher(semExtensao).replaceAll("-").replaceAll("^[-.]+", "");
    if (seguro.isEmpty()) {
      return "imagem-" + sha256(bytes).substring(0, 12);
    }
    return seguro.length() > MAX_NAME ? seguro.substring(0, MAX_NAME) : seguro;
  }

  /** Writes through a temporary file so a reader never sees half an image. */
  private Path gravar(byte[] bytes, String fileName) throws IOException {
    Files.createDirectories(store);
    Path destino = store.resolve(fileName).toAbsolutePath();
    Path temp = Files.createTempFile(store, ".salvando-", ".tmp");
    try {
      Files.write(temp, bytes);
      Files.move(temp, destino, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    return destino;
  }

  private static TaskFailure muitoGrande(long bytes) {
    return new TaskFailure(MUITO_GRANDE, String.format(java.util.Locale.ROOT,
        "A imagem tem %.1f MiB; o limite é 10 MiB", bytes / (1024.0 * 1024.0)));
  }

  private static String abreviar(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "...";
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
