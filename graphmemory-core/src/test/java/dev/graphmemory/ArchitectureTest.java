package dev.graphmemory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The structure rules: the public API apart from the implementation, as the driver does; the model at the bottom; and
 * the rooms inside {@code internal} (see {@code docs/architecture.md}) with their arrows pointing one way.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.graphmemory");

    @Test
    void publicApiShouldNotExposeInternalTypes() {
        methods()
                .that()
                .arePublic()
                .and()
                .areDeclaredInClassesThat()
                .resideOutsideOfPackage("..internal..")
                .should(notMentionInternalTypes())
                .check(CLASSES);
    }

    @Test
    void modelAndExceptionsShouldNotDependOnTheDriver() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.graphmemory.model..", "dev.graphmemory.exceptions..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.neo4j..")
                .check(CLASSES);
    }

    @Test
    void modelShouldDependOnlyOnExceptions() {
        classes()
                .that()
                .resideInAnyPackage("dev.graphmemory.model..", "dev.graphmemory.exceptions..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.graphmemory.model..", "dev.graphmemory.exceptions..", "java..")
                .because("the model is the bottom layer: values check themselves with rules that live beside them")
                .check(CLASSES);
    }

    @Test
    void roomsInsideInternalShouldPointOneWay() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("api")
                .definedBy("dev.graphmemory")
                .layer("run")
                .definedBy("dev.graphmemory.internal.run..")
                .layer("coalescing")
                .definedBy("dev.graphmemory.internal.coalescing..")
                .layer("search")
                .definedBy("dev.graphmemory.internal.search..")
                .layer("query")
                .definedBy("dev.graphmemory.internal.query..")
                .layer("cypher")
                .definedBy("dev.graphmemory.internal.cypher..")
                .layer("driver")
                .definedBy("dev.graphmemory.internal.driver..")
                .layer("work")
                .definedBy("dev.graphmemory.internal.work..")
                .layer("telemetry")
                .definedBy("dev.graphmemory.internal.telemetry..")
                .whereLayer("api")
                .mayOnlyAccessLayers("run")
                .whereLayer("run")
                .mayOnlyAccessLayers("api", "coalescing", "search", "query", "cypher", "driver", "work", "telemetry")
                .whereLayer("coalescing")
                .mayOnlyAccessLayers("api", "driver", "work", "telemetry")
                .whereLayer("search")
                .mayOnlyAccessLayers("api", "cypher", "driver", "work", "telemetry")
                .whereLayer("query")
                .mayOnlyAccessLayers("api", "cypher", "work")
                .whereLayer("cypher")
                .mayOnlyAccessLayers("api", "work")
                .whereLayer("driver")
                .mayOnlyAccessLayers("api", "work", "telemetry")
                .whereLayer("work")
                .mayOnlyAccessLayers("api")
                .whereLayer("telemetry")
                .mayOnlyAccessLayers("api")
                .check(CLASSES);
    }

    @Test
    void everyRoomShouldSayWhatLivesThere() throws IOException {
        Path internal = Path.of("src/main/java/dev/graphmemory/internal");
        try (Stream<Path> rooms = Files.list(internal)) {
            assertThat(rooms.filter(Files::isDirectory))
                    .isNotEmpty()
                    .allSatisfy(room -> assertThat(room.resolve("package-info.java"))
                            .as("the room %s says what lives there and what it may use", room.getFileName())
                            .exists());
        }
        try (Stream<Path> files = Files.list(internal)) {
            assertThat(files.filter(Files::isRegularFile))
                    .as("every class of internal lives in a room")
                    .isEmpty();
        }
    }

    @Test
    void onlyOneClassShouldTouchTheOptionalMicrometer() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("dev.graphmemory.internal.telemetry.MicrometerTelemetry")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.micrometer..")
                .because("Micrometer is an optional dependency, loaded only when a registry is given")
                .check(CLASSES);
    }

    @Test
    void exceptionsShouldBeMemoryExceptions() {
        classes()
                .that()
                .resideInAPackage("dev.graphmemory.exceptions")
                .and()
                .areNotInterfaces()
                .should()
                .beAssignableTo(dev.graphmemory.exceptions.MemoryException.class)
                .check(CLASSES);
    }

    private static ArchCondition<JavaMethod> notMentionInternalTypes() {
        return new ArchCondition<>("not take or return internal types") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean internal = method.getRawReturnType().getPackageName().contains(".internal")
                        || method.getRawParameterTypes().stream()
                                .anyMatch(type -> type.getPackageName().contains(".internal"));
                if (internal) {
                    events.add(
                            SimpleConditionEvent.violated(method, method.getFullName() + " exposes an internal type"));
                }
            }
        };
    }
}
