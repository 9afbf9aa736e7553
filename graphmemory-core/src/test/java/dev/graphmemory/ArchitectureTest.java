package dev.graphmemory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/** Keeps the public API apart from the implementation, as the driver does. */
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
    void onlyOneClassShouldTouchTheOptionalMicrometer() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("dev.graphmemory.internal.MicrometerTelemetry")
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
