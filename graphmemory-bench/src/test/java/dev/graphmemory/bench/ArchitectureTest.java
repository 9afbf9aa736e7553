package dev.graphmemory.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** This module is a user of the library like any other: its main code never reaches into the implementation. */
class ArchitectureTest {

    @Test
    void shouldUseOnlyThePublicApi() {
        noClasses()
                .that()
                .resideInAPackage("dev.graphmemory.bench..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.graphmemory.internal..", "dev.graphmemory.embedded.internal..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.graphmemory.bench"));
    }
}
