package dev.stepstream.examples.imagepipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.worker.testing.TaskHarness;
import dev.stepstream.worker.testing.TaskRun;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SalvarImagemTest {
  private final TaskHarness harness = TaskHarness.forTask(SalvarImagem.TASK);
  @TempDir Path dir;

  private SalvarImagem handler() {
    return new SalvarImagem(dir.resolve("store"));
  }

  @Test
  void shouldCopyAnImageGivenByPathIntoTheStoreAndDescribeIt() throws IOException {
    Path origem = Imagens.png(dir, "praia.png", 320, 200);

    TaskRun run = harness.run(handler(), Map.of("imagem", origem.toString(), "pedido", 7));

    Path stored = dir.resolve("store/praia.png").toAbsolutePath();
    assertThat(run.output().get("arquivo").asText()).isEqualTo(stored.toString());
    assertThat(run.output().get("largura").asInt()).isEqualTo(320);
    assertThat(run.output().get("altura").asInt()).isEqualTo(200);
    assertThat(run.output().get("bytes").asLong()).isEqualTo(Files.size(origem));
    assertThat(run.output().get("formato").asText()).isEqualTo("png");
    assertThat(run.output().get("imagem").asText()).isEqualTo(origem.toString());
    assertThat(run.output().get("pedido").asInt()).isEqualTo(7);
    assertThat(Files.readAllBytes(stored)).isEqualTo(Files.readAllBytes(origem));
  }

  @Test
  void shouldDecodeBase64DataUnderTheGivenNameAndNotCarryTheDataOn() throws IOException {
    String data = "data:image/png;base64," + SampleImages.samplePngBase64(64, 48);

    TaskRun run = harness.run(handler(), Map.of("imagem", data, "nome", "minha foto.png"));

    assertThat(run.output().get("arquivo").asText()).endsWith("/store/minha-foto.png");
    assertThat(run.output().has("imagem")).isFalse();
    assertThat(Imagens.ler(Path.of(run.output().get("arquivo").asText())).getWidth()).isEqualTo(64);
  }

  @Test
  void shouldNameUnnamedDataByItsContentSoARetryStoresTheSameFile() {
    String data = SampleImages.samplePngBase64(16, 16);

    String first = harness.run(handler(), Map.of("imagem", data)).output().get("arquivo").asText();
    String second = harness.run(handler(), Map.of("imagem", data)).output().get("arquivo").asText();

    assertThat(first).isEqualTo(second).matches(".*/imagem-[0-9a-f]{12}\\.png");
  }

  @Test
  void shouldStoreAJpegWithTheJpgExtension() throws IOException {
    TaskRun run = harness.run(handler(), Map.of("imagem", Imagens.jpeg(dir, "foto.jpeg", 100, 80).toString()));

    assertThat(run.output().get("arquivo").asText()).endsWith("/store/foto.jpg");
    assertThat(run.output().get("formato").asText()).isEqualTo("jpeg");
  }

  @Test
  void shouldRejectAFileThatIsNotAnImage() throws IOException {
    TaskRun run = harness.run(handler(), Map.of("imagem", Imagens.texto(dir, "nota.txt").toString()));

    assertThat(run.error()).isEqualTo("Imagem.Invalida");
    assertThat(run.cause()).contains("nota.txt").contains("não é uma imagem legível");
    assertThat(dir.resolve("store")).doesNotExist();
  }

  @Test
  void shouldRejectBase64DataThatIsNotAnImage() {
    TaskRun run = harness.run(handler(), Map.of("imagem", "aGVsbG8gd29ybGQ="));

    assertThat(run.error()).isEqualTo("Imagem.Invalida");
  }

  @Test
  void shouldRejectTextThatIsNeitherAFileNorBase64() {
    TaskRun run = harness.run(handler(), Map.of("imagem", "/nao/existe.png"));

    assertThat(run.error()).isEqualTo("Imagem.Invalida");
    assertThat(run.cause()).contains("nem dados base64").contains("/nao/existe.png");
  }

  @Test
  void shouldRejectAFileOverTenMebibytesBeforeReadingIt() throws IOException {
    Path grande = dir.resolve("grande.png");
    try (RandomAccessFile file = new RandomAccessFile(grande.toFile(), "rw")) {
      file.setLength(SalvarImagem.MAX_BYTES + 1);
    }

    TaskRun run = harness.run(handler(), Map.of("imagem", grande.toString()));

    assertThat(run.error()).isEqualTo("Imagem.MuitoGrande");
    assertThat(run.cause()).isEqualTo("A imagem tem 10.0 MiB; o limite é 10 MiB");
  }

  @Test
  void shouldRejectBase64DataOverTenMebibytes() {
    String data = "A".repeat((int) (SalvarImagem.MAX_BYTES / 3 * 4) + 8);

    assertThat(harness.run(handler(), Map.of("imagem", data)).error()).isEqualTo("Imagem.MuitoGrande");
  }

  @Test
  void shouldRequireTheImagemField() {
    TaskRun run = harness.run(handler(), Map.of("nome", "x"));

    assertThat(run.error()).isEqualTo("Imagem.Invalida");
    assertThat(run.cause()).contains("\"imagem\"");
  }

  @Test
  void shouldRequireAnObjectInput() {
    assertThat(harness.runJson(handler(), "\"foto.png\"").error()).isEqualTo("Imagem.Invalida");
  }

  @Test
  void shouldAcceptTheOnePixelSampleFromTheReadme() {
    String pixel = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    TaskRun run = harness.run(handler(), Map.of("imagem", pixel, "nome", "pixel"));

    assertThat(run.output().get("arquivo").asText()).endsWith("/store/pixel.png");
    assertThat(run.output().get("largura").asInt()).isEqualTo(1);
  }
}
