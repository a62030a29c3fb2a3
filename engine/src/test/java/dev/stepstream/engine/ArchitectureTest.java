package dev.stepstream.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  private final JavaClasses engine = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.stepstream.engine");

  @Test
  void shouldNotDependOnKafkaOrHttp() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.javalin..",
        "org.eclipse.jetty..", "java.net.http..", "jakarta.servlet..", "io.netty..", "okhttp3..")
        .check(engine);
  }

  @Test
  void shouldNotReadClocksOrCreateRandomness() {
    noClasses().should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callConstructor(java.util.Random.class)
        .orShould().callMethod(java.util.UUID.class, "randomUUID")
        .orShould().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(Math.class, "random")
        .check(engine);
  }
}
