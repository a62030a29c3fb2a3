package dev.stepstream.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The product does not know its tools: bench and the examples plug in through the server's SPIs. */
class ArchitectureTest {
  private final JavaClasses server = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.stepstream.server");

  @Test
  void shouldNotDependOnBenchOrExamples() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.stepstream.bench..",
        "dev.stepstream.examples..", "dev.stepstream.dist..", "org.openjdk.jmh..", "org.HdrHistogram..")
        .check(server);
  }
}
