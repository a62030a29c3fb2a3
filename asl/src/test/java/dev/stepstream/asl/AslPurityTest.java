package dev.stepstream.asl;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The ASL core is pure: no Kafka, no HTTP, no I/O-bound frameworks (see docs/architecture.md). */
class AslPurityTest {
  private static final JavaClasses ASL = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.stepstream.asl");

  @Test
  void shouldNotDependOnKafkaOrHttp() {
    noClasses()
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.apache.kafka..", "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..",
            "java.net.http..", "software.amazon.awssdk..")
        .check(ASL);
  }

  @Test
  void shouldNotReadTheWallClockOrPrint() {
    noClasses()
        .should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().accessField(System.class, "out")
        .orShould().accessField(System.class, "err")
        .check(ASL);
  }
}
