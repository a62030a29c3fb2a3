package dev.stepstream.examples.imagepipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.worker.testing.TaskHarness;
import dev.stepstream.worker.testing.TaskRun;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessarImagemTest {
  private final TaskHarness harness = TaskHarness.forTask(ProcessarImagem.TASK);
  private final ProcessarImagem handler = new ProcessarImagem();
  @TempDir Path dir;

  @Test
  void shouldWriteAPngThumbnailNextToTheOriginalWithTheLongSideAt128() throws IOException {
    Path original = Imagens.png(dir, "paisagem.png", 640, 400);

    TaskRun run = harness.run(handler, Map.of("arquivo", original.toString(), "largura", 640));

    Path thumb = dir.resolve("paisagem-thumb.png").toAbsolutePath();
    assertThat(run.output().get("miniatura").asText()).isEqualTo(thumb.toString());
    assertThat(run.output().get("larguraMiniatura").asInt()).isEqualTo(128);
    assertThat(run.output().get("alturaMiniatura").asInt()).isEqualTo(80);
    assertThat(run.output().get("largura").asInt()).isEqualTo(640);
    BufferedImage written = Imagens.ler(thumb);
    assertThat(written.getWidth()).isEqualTo(128);
    assertThat(written.getHeight()).isEqualTo(80);
  }

  @Test
  void shouldScaleAPortraitByItsHeight() throws IOException {
    Path original = Imagens.jpeg(dir, "retrato.jpg", 300, 900);

    TaskRun run = harness.run(handler, Map.of("arquivo", original.toString()));

    assertThat(run.output().get("larguraMiniatura").asInt()).isEqualTo(43);
    assertThat(run.output().get("alturaMiniatura").asInt()).isEqualTo(128);
    assertThat(run.output().get("miniatura").asText()).endsWith("retrato-thumb.png");
  }

  @Test
  void shouldNotEnlargeASmallImage() throws IOException {
    TaskRun run = harness.run(handler, Map.of("arquivo", Imagens.png(dir, "icone.png", 50, 20).toString()));

    assertThat(run.output().get("larguraMiniatura").asInt()).isEqualTo(50);
    assertThat(run.output().get("alturaMiniatura").asInt()).isEqualTo(20);
  }

  @Test
  void shouldKeepTheColoursOfTheOriginal() throws IOException {
    Path original = Imagens.png(dir, "cores.png", 256, 256);

    harness.run(handler, Map.of("arquivo", original.toString()));

    int topLeftInside = Imagens.ler(dir.resolve("cores-thumb.png")).getRGB(10, 30) & 0xFFFFFF;
    int sameSpotInOriginal = Imagens.ler(original).getRGB(20, 60) & 0xFFFFFF;
    assertThat(Math.abs((topLeftInside >> 16) - (sameSpotInOriginal >> 16))).isLessThan(16);
  }

  @Test
  void shouldFailWhenTheStoredFileIsGone() {
    TaskRun run = harness.run(handler, Map.of("arquivo", dir.resolve("sumiu.png").toString()));

    assertThat(run.error()).isEqualTo("Imagem.NaoEncontrada");
    assertThat(run.cause()).contains("sumiu.png");
  }

  @Test
  void shouldFailWhenTheFileIsNotAnImage() throws IOException {
    TaskRun run = harness.run(handler, Map.of("arquivo", Imagens.texto(dir, "x.png").toString()));

    assertThat(run.error()).isEqualTo("Imagem.Invalida");
  }

  @Test
  void shouldRequireTheArquivoField() {
    assertThat(harness.run(handler, Map.of("imagem", "x")).cause()).contains("\"arquivo\"");
  }
}
