package dev.stepstream.processor;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh {@link TopologyHarness} with default options for every test, closed after it. */
abstract class TopologyTestCase {
  @TempDir Path stateDir;
  TopologyHarness harness;

  @BeforeEach
  void startDriver() {
    harness = new TopologyHarness(stateDir);
  }

  @AfterEach
  void closeDriver() {
    harness.close();
  }
}
