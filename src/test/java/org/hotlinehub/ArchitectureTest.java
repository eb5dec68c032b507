package org.hotlinehub;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The dependency rule (docs/architecture.md, "Dependency rule"): routes → connectors, model, config; a connector →
 * model and config only (never another connector, never routes or the core); model and config → nothing of the hub.
 * Feature packages (intake, dispatch, …) are the core: they never reach connectors or routes.
 */
class ArchitectureTest {

    private static final String BASE = "org.hotlinehub";
    private static final JavaClasses HUB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);
    private static final List<String> CONNECTORS = List.of("api", "console", "db", "jms", "open311", "partner",
            "portal", "reports", "twilio", "web", "wechat");
    private static final String[] CORE = {BASE + ".intake..", BASE + ".dispatch..", BASE + ".deadletter..",
            BASE + ".referencedata..", BASE + ".store..", BASE + ".survey..", BASE + ".casework..",
            BASE + ".outbound.."};

    private static String[] with(String[] packages, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(packages), java.util.Arrays.stream(more))
                .toArray(String[]::new);
    }

    @Test
    void modelImportsNothingOfTheHub() {
        // of the hub, only the model itself ("orShould" here would pass whenever a model class uses another one)
        classes().that().resideInAPackage(BASE + ".model..").should().onlyDependOnClassesThat(
                resideOutsideOfPackage(BASE + "..").or(resideInAPackage(BASE + ".model..")))
                .check(HUB);
        noClasses().that().resideInAPackage(BASE + ".model..").should().dependOnClassesThat()
                .resideInAnyPackage(with(CORE, BASE + ".config..", BASE + ".routes..", BASE + ".connectors.."))
                .check(HUB);
    }

    @Test
    void configImportsNothingOfTheHub() {
        noClasses().that().resideInAPackage(BASE + ".config..").should().dependOnClassesThat()
                .resideInAnyPackage(with(CORE, BASE + ".model..", BASE + ".routes..", BASE + ".connectors.."))
                .check(HUB);
    }

    @Test
    void connectorsUseOnlyModelAndConfig() {
        for (String connector : CONNECTORS) {
            String others = BASE + ".connectors.(!" + connector + ")..";
            noClasses().that().resideInAPackage(BASE + ".connectors." + connector + "..").should()
                    .dependOnClassesThat().resideInAnyPackage(with(CORE, BASE + ".routes.."))
                    .check(HUB);
            for (String other : CONNECTORS) {
                if (!other.equals(connector)) {
                    noClasses().that().resideInAPackage(BASE + ".connectors." + connector + "..").should()
                            .dependOnClassesThat().resideInAPackage(BASE + ".connectors." + other + "..")
                            .because("a connector never imports another connector (" + others + ")").check(HUB);
                }
            }
        }
    }

    @Test
    void coreNeverReachesConnectorsOrRoutes() {
        noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat()
                .resideInAnyPackage(BASE + ".connectors..", BASE + ".routes..").check(HUB);
    }

    @Test
    void storeReachesOnlyModelAndConfig() {
        noClasses().that().resideInAPackage(BASE + ".store..").should().dependOnClassesThat()
                .resideInAnyPackage(CORE[0], CORE[1], CORE[2], CORE[3], CORE[5], CORE[6], CORE[7]).check(HUB);
    }

    @Test
    void entitiesAndRepositoriesAreNamedForWhatTheyAre() {
        classes().that().areAnnotatedWith(jakarta.persistence.Entity.class).should().haveSimpleNameEndingWith(
                "Entity").andShould().resideInAPackage(BASE + ".store..").check(HUB);
        classes().that().haveSimpleNameEndingWith("Route").and().resideInAPackage(BASE + "..").should()
                .resideInAPackage(BASE + ".routes..").check(HUB);
    }
}
