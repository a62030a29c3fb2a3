package dev.stepstream.examples.imagepipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleImagesTest {

  @Test
  void shouldWriteAReadablePngOfTheDefaultSize(@TempDir Path dir) throws IOException {
    Path file = SampleImages.writeSamplePng(dir.resolve("sub/amostra.png"));

    assertThat(Imagens.ler(file).getWidth()).isEqualTo(SampleImages.DEFAULT_WIDTH);
    assertThat(Imagens.ler(file).getHeight()).isEqualTo(SampleImages.DEFAULT_HEIGHT);
  }

  @Test
  void shouldRefuseAnEmptySize() {
    assertThatThrownBy(() -> SampleImages.samplePng(0, 10)).isInstanceOf(IllegalArgumentException.class);
  }
}
