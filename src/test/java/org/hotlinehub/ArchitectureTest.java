package org.hotlinehub;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The dependency rule (docs/architecture.md, "Dependency rule"): channel → core port → core → store. Routes →
 * connectors, model, config; a connector → model and config only (never another connector, never routes, the core or
 * store); model and config → nothing of the hub. Feature packages (intake, dispatch, …) are the core: they implement
 * the ports, never reach connectors or routes, and use store, which implements no port and reaches no feature
 * package. A channel's own state lives in its connector, and {@code model.port} holds only what the core or several
 * connectors need.
 */
class ArchitectureTest {

    private static final String BASE = "org.hotlinehub";
    private static final JavaClasses HUB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);
    private static final List<String> CONNECTORS = List.of("api", "console", "db", "jms", "open311", "partner",
            "portal", "reports", "twilio", "web", "wechat");
    /** The core's feature packages. */
    private static final String[] FEATURES = {BASE + ".intake..", BASE + ".dispatch..", BASE + ".deadletter..",
            BASE + ".referencedata..", BASE + ".survey..", BASE + ".casework..", BASE + ".outbound..",
            BASE + ".metrics..", BASE + ".retention..", BASE + ".incident.."};
    private static final String STORE = BASE + ".store..";
    /** The core: its features and the shared domain's persistence they use. */
    private static final String[] CORE = with(FEATURES, STORE);

    /** The ports through which the core reaches out, implemented by the connectors of that outside system. */
    private static final Set<String> CALLED_OUT = Set.of("IntakeQueue", "QueueSender", "OutboxSender", "SurveyAsker",
            "MediaSource", "OperatorCalls", "TicketChanges");

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
        noClasses().that().resideInAPackage(STORE).should().dependOnClassesThat()
                .resideInAnyPackage(with(FEATURES, BASE + ".routes..", BASE + ".connectors.."))
                .check(HUB);
    }

    /**
     * Channel → core port → core → store: no class of {@code store} implements a port (or a type nested in one); the
     * core's services implement them, using store. Ports a connector implements are the core's way out (the broker,
     * Twilio, WeChat, partners), never a way around the core.
     */
    @Test
    void portsAreImplementedByTheCoreNotByStore() {
        DescribedPredicate<JavaClass> port = DescribedPredicate.describe("a port of model.port",
                c -> topLevel(c).getPackageName().equals(BASE + ".model.port") && c.isInterface());
        noClasses().that().resideInAPackage(STORE).should().implement(port).check(HUB);
        Map<String, Set<String>> implementers = new TreeMap<>();
        for (JavaClass c : HUB) {
            for (JavaClass i : c.getAllRawInterfaces()) {
                if (port.test(i) && !c.isInterface()) {
                    implementers.computeIfAbsent(i.getName(), k -> new TreeSet<>())
                            .add(area(topLevel(c).getPackageName()));
                }
            }
        }
        Map<String, Set<String>> connectorsOnly = new TreeMap<>();
        implementers.forEach((name, areas) -> {
            if (areas.stream().allMatch(a -> a.startsWith("connectors.")) && !CALLED_OUT.contains(simple(name))) {
                connectorsOnly.put(simple(name), areas);
            }
        });
        assertEquals(Map.of(), connectorsOnly, "ports implemented only by connectors that are not the core's way out");
    }

    private static String simple(String name) {
        return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
    }

    @Test
    void entitiesAndRepositoriesAreNamedForWhatTheyAre() {
        classes().that().areAnnotatedWith(jakarta.persistence.Entity.class).should().haveSimpleNameEndingWith(
                "Entity").andShould().resideInAPackage(BASE + ".store..").check(HUB);
        classes().that().haveSimpleNameEndingWith("Route").and().resideInAPackage(BASE + "..").should()
                .resideInAPackage(BASE + ".routes..").check(HUB);
    }

    /**
     * A channel's own state (its conversations, tokens, call records) lives in the channel's connector with its own
     * SQL; {@code store} is the shared domain's persistence, and no class of it is named after a channel.
     */
    @Test
    void channelStateLivesInItsConnector() {
        DescribedPredicate<JavaClass> channelNamed = DescribedPredicate.describe(
                "are named after a channel (Wechat*, Voice*, Sms*, Twilio*)",
                c -> topLevel(c).getSimpleName().matches("(Wechat|Voice|Sms|Twilio).*"));
        classes().that(channelNamed).should().resideOutsideOfPackage(STORE).check(HUB);
    }

    /**
     * A port is for the core or for what several channels share: every interface in {@code model.port} is used
     * (called, implemented, or its records read) by the core or {@code routes}, or by two or more connectors. A port
     * used by one connector alone is that connector's business and lives in it.
     */
    @Test
    void portsServeTheCoreOrSeveralChannels() {
        Map<String, Set<String>> lonely = new TreeMap<>();
        for (JavaClass port : HUB) {
            if (!port.getPackageName().equals(BASE + ".model.port") || !port.isTopLevelClass()
                    || !port.isInterface() || port.getSimpleName().equals("package-info")) {
                continue;
            }
            Set<String> users = new TreeSet<>();
            for (JavaClass member : HUB) {
                if (member.equals(port) || topLevel(member).equals(port)) {
                    for (Dependency d : member.getDirectDependenciesToSelf()) {
                        users.add(area(topLevel(d.getOriginClass()).getPackageName()));
                    }
                }
            }
            users.remove("model");
            boolean core = users.stream().anyMatch(u -> !u.startsWith("connectors."));
            if (!core && users.size() < 2) {
                lonely.put(port.getSimpleName(), users);
            }
        }
        assertEquals(Map.of(), lonely, "ports used by one connector only (move them into it)");
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass outer = c;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    /** {@code connectors.twilio}, {@code store}, {@code model} … for a package of the hub. */
    private static String area(String packageName) {
        String rest = packageName.startsWith(BASE + ".") ? packageName.substring(BASE.length() + 1) : packageName;
        String[] parts = rest.split("\\.");
        return parts[0].equals("connectors") && parts.length > 1 ? "connectors." + parts[1] : parts[0];
    }
}
