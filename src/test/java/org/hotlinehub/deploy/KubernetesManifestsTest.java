package org.hotlinehub.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.hotlinehub.config.HubConfig;
import org.hotlinehub.connectors.jms.JmsEndpoints;
import org.hotlinehub.model.SignInPages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.artemis.core.runtime.ArtemisRuntimeConfig;
import io.smallrye.config.WithName;

/**
 * The Kubernetes manifests in deploy/kubernetes (issue 19, item 6), read as YAML and checked against each other and
 * against the hub: every ConfigMap, Secret, key, volume and port they name exists; every configuration key they set is
 * one the hub reads at run time; the probes ask the health endpoints; the Ingress routes the public endpoints of
 * docs/contract.md and nothing of /q/health or /q/metrics; memory and the stop fit what was measured; and the
 * operators' resources for PostgreSQL and Artemis are the ones the hub's URLs name.
 */
class KubernetesManifestsTest {

    private static final Path DIR = Path.of("deploy", "kubernetes");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String LIVE = "/q/health/live";
    private static final String READY = "/q/health/ready";
    /** docs/operations.md, "Shutdown": the event relay waits at most 30 s before Camel's own graceful stop. */
    private static final int RELAY_STOP_SECONDS = 30;

    private static List<JsonNode> manifests;
    private static Map<String, Set<String>> configMaps;
    private static Map<String, Set<String>> secrets;
    private static JsonNode deployment;
    private static JsonNode container;
    private static Properties application;

    @BeforeAll
    static void load() throws IOException {
        manifests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile()).readAll().stream()
                        .filter(doc -> doc != null && !doc.isMissingNode() && !doc.isNull()).forEach(manifests::add);
            }
        }
        configMaps = new HashMap<>();
        secrets = new HashMap<>();
        for (JsonNode doc : ofKind("ConfigMap")) {
            configMaps.put(name(doc), fieldNames(doc.path("data")));
        }
        for (JsonNode doc : ofKind("Secret")) {
            Set<String> keys = fieldNames(doc.path("data"));
            keys.addAll(fieldNames(doc.path("stringData")));
            secrets.put(name(doc), keys);
        }
        secrets.putAll(generatedSecrets());
        deployment = only("Deployment", "hotline-hub");
        container = deployment.at("/spec/template/spec/containers/0");
        application = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            application.load(in);
        }
    }

    @Test
    void shouldListEveryManifestInTheKustomization() throws IOException {
        Set<String> listed = new TreeSet<>();
        only("Kustomization", null).path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.list(DIR)) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .filter(f -> !f.equals("kustomization.yaml")).forEach(present::add);
        }
        assertEquals(present, listed, "the manifests beside kustomization.yaml are the ones it applies");
    }

    @Test
    void shouldDefineEveryConfigMapSecretAndKeyTheDeploymentReads() {
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("configMapRef")) {
                assertTrue(configMaps.containsKey(from.at("/configMapRef/name").asText()), from.toString());
            }
            if (from.has("secretRef")) {
                assertTrue(secrets.containsKey(from.at("/secretRef/name").asText()), from.toString());
            }
        }
        for (JsonNode env : container.path("env")) {
            JsonNode configMapKey = env.at("/valueFrom/configMapKeyRef");
            if (!configMapKey.isMissingNode()) {
                assertTrue(configMaps.getOrDefault(configMapKey.path("name").asText(), Set.of())
                        .contains(configMapKey.path("key").asText()), env.toString());
            }
            JsonNode secretKey = env.at("/valueFrom/secretKeyRef");
            if (!secretKey.isMissingNode()) {
                assertTrue(secrets.getOrDefault(secretKey.path("name").asText(), Set.of())
                        .contains(secretKey.path("key").asText()), env.toString());
            }
        }
        Set<String> volumes = new HashSet<>();
        for (JsonNode volume : deployment.at("/spec/template/spec/volumes")) {
            volumes.add(volume.path("name").asText());
            if (volume.has("secret")) {
                assertTrue(secrets.containsKey(volume.at("/secret/secretName").asText()), volume.toString());
            }
            if (volume.has("configMap")) {
                assertTrue(configMaps.containsKey(volume.at("/configMap/name").asText()), volume.toString());
            }
        }
        for (JsonNode mount : container.path("volumeMounts")) {
            assertTrue(volumes.contains(mount.path("name").asText()), mount.toString());
        }
    }

    @Test
    void shouldSetOnlyConfigKeysTheHubReadsAtRunTime() throws IOException {
        Set<String> known = new HashSet<>();
        Set<String> mapPrefixes = new HashSet<>();
        mappedKeys(HubConfig.class, "hub", known, mapPrefixes);
        mappedKeys(ArtemisRuntimeConfig.class, "quarkus.artemis", known, mapPrefixes);
        known.addAll(quarkusRuntimeVariables());
        Predicate<String> readByTheHub = variable -> known.contains(variable)
                || mapPrefixes.stream().anyMatch(prefix -> variable.startsWith(prefix + "_"));

        Set<String> set = new TreeSet<>(settings().keySet());
        container.path("env").forEach(env -> set.add(env.path("name").asText()));
        set.removeIf(variable -> variable.startsWith("JAVA_"));
        assertTrue(set.size() > 10, set.toString());
        for (String variable : set) {
            assertTrue(readByTheHub.test(variable), variable + " is no key the hub reads at run time");
        }
    }

    @Test
    void shouldTakeClientAddressesOnlyFromTheIngress() {
        // forwarded headers from anyone let a client name any address and slip past the rate limits
        Map<String, String> settings = settings();
        if ("true".equals(settings.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"))
                || "true".equals(settings.get("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED"))) {
            assertFalse(settings.getOrDefault("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "").isBlank(),
                    "forwarded client addresses are trusted from the proxies named in QUARKUS_HTTP_PROXY_TRUSTED_PROXIES");
        }
    }

    @Test
    void shouldKeepSecretsOutOfTheConfigMapAndShareTheNodesKeys() {
        Set<String> configured = configMaps.get("hotline-hub-config");
        assertNotNull(configured);
        for (String key : configured) {
            assertFalse(key.matches(".*(PASSWORD|SECRET|TOKEN|_KEY)"), key + " belongs in the Secret");
        }
        Set<String> secret = secrets.get("hotline-hub-secrets");
        // what every node must share (docs/operations.md, "Several instances"), and the services' credentials
        assertTrue(secret.containsAll(Set.of("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "HUB_WEB_FORM_SECRET",
                "HUB_DEAD_LETTERS_KEY", "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_ARTEMIS_PASSWORD",
                "HUB_TWILIO_AUTH_TOKEN", "HUB_WECHAT_APP_SECRET", "HUB_WECHAT_TOKEN", "HUB_WECHAT_AES_KEY")), secret
                        .toString());
        assertTrue(configured.containsAll(Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_ARTEMIS_URL",
                "HUB_PUBLIC_BASE_URL")), "external database and broker: " + configured);
    }

    @Test
    void shouldMountTheReferenceDataAndAWritableDataDirectory() {
        Map<String, String> settings = settings();
        Map<String, JsonNode> mounts = new HashMap<>();
        container.path("volumeMounts").forEach(m -> mounts.put(m.path("mountPath").asText(), m));
        JsonNode referenceData = mounts.get(settings.get("HUB_REFERENCE_DATA_FILES"));
        assertNotNull(referenceData, "hub.reference-data.files is a mounted directory");
        JsonNode volume = volume(referenceData.path("name").asText());
        assertEquals("hotline-hub-reference-data", volume.at("/secret/secretName").asText());
        assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean());
        String dataDir = settings.get("HUB_DATA_DIR");
        assertTrue(mounts.keySet().stream().anyMatch(path -> dataDir.startsWith(path + "/")
                && volume(mounts.get(path).path("name").asText()).has("emptyDir")), dataDir + " is writable");
    }

    @Test
    void shouldProbeTheHealthEndpointsOnTheHubsPort() throws IOException {
        int hubPort = Integer.parseInt(settings().getOrDefault("QUARKUS_HTTP_PORT",
                application.getProperty("quarkus.http.port")));
        Map<String, Integer> ports = new HashMap<>();
        container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        assertTrue(ports.containsValue(hubPort), "the container declares the hub's port " + hubPort);

        assertEquals(READY, container.at("/readinessProbe/httpGet/path").asText());
        assertEquals(LIVE, container.at("/livenessProbe/httpGet/path").asText());
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            JsonNode get = container.path(probe).path("httpGet");
            assertTrue(Set.of(LIVE, READY).contains(get.path("path").asText()), probe);
            assertEquals(hubPort, port(get.path("port"), ports), probe + " asks the hub's port");
        }
        // the start may take 33-85 s on a saturated machine (RELIABILITY.md): liveness must not count before it
        JsonNode startup = container.path("startupProbe");
        assertTrue(startup.path("periodSeconds").asInt() * startup.path("failureThreshold").asInt() >= 120);

        JsonNode service = only("Service", "hotline-hub");
        assertEquals(hubPort, port(service.at("/spec/ports/0/targetPort"), ports), "the Service sends to the hub");
        assertTrue(contains(podLabels(), service.at("/spec/selector")), "the Service selects the hub's pods");

        String dockerfile = Files.readString(DIR.resolve("Dockerfile"));
        assertEquals(String.valueOf(hubPort), group(dockerfile, "(?m)^EXPOSE (\\d+)$"));
        assertEquals(deployment.at("/spec/template/spec/securityContext/runAsUser").asText(),
                group(dockerfile, "(?m)^USER (\\d+)$"));
    }

    @Test
    void shouldRouteThePublicEndpointsAndNothingOfOperations() throws IOException {
        JsonNode ingress = only("Ingress", "hotline-hub");
        JsonNode service = only("Service", "hotline-hub");
        Set<String> servicePorts = new HashSet<>();
        service.at("/spec/ports").forEach(p -> {
            servicePorts.add(p.path("name").asText());
            servicePorts.add(p.path("port").asText());
        });
        List<JsonNode> paths = new ArrayList<>();
        ingress.at("/spec/rules").forEach(rule -> rule.at("/http/paths").forEach(paths::add));
        Set<String> served = servedRoots();
        for (JsonNode path : paths) {
            JsonNode backend = path.at("/backend/service");
            assertEquals("hotline-hub", backend.path("name").asText(), path.toString());
            JsonNode port = backend.path("port");
            assertTrue(servicePorts.contains(port.has("name")
                    ? port.path("name").asText()
                    : port.path("number").asText()), "a port of the Service: " + path);
            String p = path.path("path").asText();
            assertTrue(served.contains(p.startsWith("/q/") ? p : root(p)), p + " is served by the hub");
        }

        String contract = Files.readString(Path.of("docs", "contract.md"));
        int start = contract.indexOf("## Inbound endpoints");
        String endpoints = contract.substring(start, contract.indexOf("\n## ", start + 1));
        Matcher cell = Pattern.compile("(?m)^\\| (.+?) \\|").matcher(endpoints);
        int checked = 0;
        while (cell.find()) {
            Matcher code = Pattern.compile("`(?:[A-Z]+ )?(/[^`]*?)(?:/…)?`").matcher(cell.group(1));
            while (code.find()) {
                String endpoint = code.group(1);
                boolean operations = endpoint.startsWith("/q/health") || endpoint.startsWith("/q/metrics");
                assertEquals(!operations, routed(paths, endpoint), endpoint);
                checked++;
            }
        }
        assertTrue(checked >= 15, "the contract's endpoints were read: " + checked);
    }

    @Test
    void shouldKeepOneNodeServingThroughADisruption() {
        assertTrue(contains(podLabels(), deployment.at("/spec/selector/matchLabels")));
        JsonNode budget = only("PodDisruptionBudget", "hotline-hub");
        JsonNode selector = budget.at("/spec/selector/matchLabels");
        assertTrue(selector.size() > 0 && contains(podLabels(), selector), "the budget selects the hub's pods");
        int replicas = deployment.at("/spec/replicas").asInt();
        int minAvailable = budget.at("/spec/minAvailable").asInt();
        assertTrue(minAvailable >= 1 && minAvailable < replicas, "one node may go, one stays: " + minAvailable);
        assertEquals(0, deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt());
    }

    @Test
    void shouldRequestTheMeasuredMemory() throws IOException {
        // README, "Run the hub": "-Xmx384m", "peaked at 635–778 MB resident", "adds about 400 MB to the heap"
        String readme = Files.readString(Path.of("README.md"));
        long heap = mib(group(readme, "java -Xmx(\\d+)m (?:-\\S+ )*-jar"));
        long peak = mib(group(readme, "peaked at \\d+[–-](\\d+) MB"));
        long jvmOwn = mib(group(readme, "adds about (\\d+) MB to the heap"));
        long request = bytes(container.at("/resources/requests/memory").asText());
        long limit = bytes(container.at("/resources/limits/memory").asText());
        assertTrue(request >= peak, "the request covers the measured peak");
        assertTrue(limit >= request);
        String options = env("JAVA_TOOL_OPTIONS");
        double share = Double.parseDouble(group(options, "-XX:MaxRAMPercentage=([0-9.]+)")) / 100;
        long maxHeap = (long) (limit * share);
        assertTrue(maxHeap >= heap, "at least the README's heap: " + maxHeap / (1 << 20) + " MiB");
        assertTrue(maxHeap + jvmOwn <= limit, "heap and the JVM's own memory fit the limit");
    }

    @Test
    void shouldLeaveTheOrderlyStopItsTime() {
        int grace = deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asInt();
        JsonNode preStop = container.at("/lifecycle/preStop/exec/command");
        int sleep = "sleep".equals(preStop.path(0).asText()) ? preStop.path(1).asInt() : 0;
        int camel = Integer.parseInt(application.getProperty("camel.main.shutdown-timeout"));
        long delivery = Long.parseLong(defaultOf(HubConfig.Delivery.class, "timeout").replace("s", ""));
        assertTrue(grace >= sleep + RELAY_STOP_SECONDS + camel + delivery + 1,
                "terminationGracePeriodSeconds " + grace + " covers the preStop and the hub's stop");
    }

    @Test
    void shouldConnectToTheDatabaseOfTheCloudNativePgCluster() {
        JsonNode cluster = only("Cluster", "hotline-db");
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+)")
                .matcher(settings().get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertTrue(url.matches());
        assertEquals(name(cluster) + "-rw", url.group(1), "the primary's Service");
        assertEquals(cluster.at("/spec/bootstrap/initdb/database").asText(), url.group(3));
        assertEquals(cluster.at("/spec/bootstrap/initdb/owner").asText(),
                settings().get("QUARKUS_DATASOURCE_USERNAME"));
        int perNode = Integer.parseInt(application.getProperty("quarkus.datasource.jdbc.max-size")) + 1;
        int nodes = deployment.at("/spec/replicas").asInt() + 1; // one more during a rolling update
        assertTrue(Integer.parseInt(cluster.at("/spec/postgresql/parameters/max_connections").asText()) >= nodes
                * perNode, "connections for every node's pool and its LISTEN connection");
    }

    @Test
    void shouldConnectToTheArtemisBrokerWithTheEmbeddedBrokersSettings() throws Exception {
        JsonNode broker = only("ActiveMQArtemis", "hotline-broker");
        String brokerName = name(broker);
        Set<String> acceptorPorts = new HashSet<>();
        broker.at("/spec/acceptors").forEach(a -> acceptorPorts.add(a.path("port").asText()));
        String url = settings().get("QUARKUS_ARTEMIS_URL");
        assertTrue(url.contains("ha=true") && url.contains("reconnectAttempts=-1"), url);
        Matcher host = Pattern.compile("tcp://([^:,)?]+):(\\d+)").matcher(url);
        int hosts = 0;
        while (host.find()) {
            assertTrue(host.group(1).matches(Pattern.quote(brokerName) + "-ss-(\\d+)\\." + Pattern.quote(brokerName)
                    + "-hdls-svc"), host.group(1));
            int ordinal = Integer.parseInt(group(host.group(1), "-ss-(\\d+)\\."));
            assertTrue(ordinal < broker.at("/spec/deploymentPlan/size").asInt(), "a broker pod that exists");
            assertTrue(acceptorPorts.contains(host.group(2)), "an acceptor of the broker: " + host.group(2));
            hosts++;
        }
        assertTrue(hosts > 0, url);

        // the broker properties, applied to Artemis' own configuration as the broker will
        Properties properties = new Properties();
        broker.at("/spec/brokerProperties").forEach(line -> {
            int eq = line.asText().indexOf('=');
            properties.put(line.asText().substring(0, eq), line.asText().substring(eq + 1));
        });
        ConfigurationImpl config = new ConfigurationImpl();
        config.parsePrefixedProperties(properties, null);
        JsonNode status = new ObjectMapper().readTree(config.getStatus());
        assertTrue(status.findValues("errors").stream().allMatch(JsonNode::isEmpty), status.toString());
        assertTrue(config.isPersistIDCache());
        for (String pipeline : List.of(JmsEndpoints.INTAKE_QUEUE, JmsEndpoints.EVENTS_TOPIC)) {
            AddressSettings settings = config.getAddressSettings().get(pipeline);
            assertNotNull(settings, pipeline);
            assertEquals(-1, settings.getMaxDeliveryAttempts(), pipeline + ": the broker never gives up");
            assertEquals(JmsEndpoints.DEAD_LETTER_QUEUE, settings.getDeadLetterAddress().toString(), pipeline);
            assertTrue(settings.getRedeliveryDelay() > 0, pipeline);
        }
        assertEquals(JmsEndpoints.DEAD_LETTER_QUEUE,
                config.getAddressSettings().get("#").getDeadLetterAddress().toString());
    }

    // ------------------------------------------------------------------ the manifests

    private static List<JsonNode> ofKind(String kind) {
        return manifests.stream().filter(doc -> kind.equals(doc.path("kind").asText())).toList();
    }

    /** The one document of this kind (and name, unless null). */
    private static JsonNode only(String kind, String name) {
        List<JsonNode> found = ofKind(kind).stream().filter(doc -> name == null || name.equals(name(doc))).toList();
        assertEquals(1, found.size(), kind + " " + name);
        return found.get(0);
    }

    private static String name(JsonNode doc) {
        return doc.at("/metadata/name").asText();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * The Secrets kustomize generates: from an env file (its committed {@code .example}, since the real one is kept
     * out of git) or from files, each file's name being its key.
     */
    private static Map<String, Set<String>> generatedSecrets() throws IOException {
        Map<String, Set<String>> generated = new HashMap<>();
        for (JsonNode generator : only("Kustomization", null).path("secretGenerator")) {
            Set<String> keys = new TreeSet<>();
            for (JsonNode envs : generator.path("envs")) {
                Path example = DIR.resolve(envs.asText() + ".example");
                assertTrue(Files.isRegularFile(example), example + " shows what " + envs.asText() + " holds");
                for (String line : Files.readAllLines(example, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        keys.add(line.substring(0, line.indexOf('=')));
                    }
                }
            }
            for (JsonNode file : generator.path("files")) {
                String spec = file.asText();
                keys.add(spec.contains("=")
                        ? spec.substring(0, spec.indexOf('='))
                        : Path.of(spec).getFileName()
                                .toString());
            }
            generated.put(generator.path("name").asText(), keys);
        }
        return generated;
    }

    /** The ConfigMap's settings as the container sees them. */
    private static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        only("ConfigMap", "hotline-hub-config").path("data").fields()
                .forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        return settings;
    }

    private static String env(String name) {
        for (JsonNode env : container.path("env")) {
            if (name.equals(env.path("name").asText())) {
                return env.path("value").asText();
            }
        }
        throw new AssertionError(name + " not set");
    }

    private static JsonNode volume(String name) {
        for (JsonNode volume : deployment.at("/spec/template/spec/volumes")) {
            if (name.equals(volume.path("name").asText())) {
                return volume;
            }
        }
        throw new AssertionError("no volume " + name);
    }

    private static JsonNode podLabels() {
        return deployment.at("/spec/template/metadata/labels");
    }

    private static boolean contains(JsonNode labels, JsonNode selector) {
        List<Map.Entry<String, JsonNode>> wanted = new ArrayList<>();
        selector.fields().forEachRemaining(wanted::add);
        return !wanted.isEmpty()
                && wanted.stream().allMatch(e -> e.getValue().asText().equals(labels.path(e.getKey()).asText(null)));
    }

    /** A port given by name (a containerPort's name) or by number. */
    private static int port(JsonNode port, Map<String, Integer> named) {
        return port.isInt() ? port.asInt() : named.getOrDefault(port.asText(), -1);
    }

    private static boolean routed(List<JsonNode> paths, String endpoint) {
        return paths.stream().anyMatch(path -> {
            String p = path.path("path").asText();
            return "Exact".equals(path.path("pathType").asText())
                    ? endpoint.equals(p)
                    : endpoint.equals(p) || endpoint.startsWith(p + "/");
        });
    }

    private static String root(String path) {
        int next = path.indexOf('/', 1);
        return next < 0 ? path : path.substring(0, next);
    }

    // ------------------------------------------------------------------ the hub

    /**
     * The first path segments the hub answers: its JAX-RS resources (all in connectors/) (the methods' own paths under a resource at /),
     * its static resources, the form sign-in and single sign-on, web jars, and the OpenAPI document and UI.
     */
    private static Set<String> servedRoots() throws IOException {
        Set<String> roots = new HashSet<>(Set.of(SignInPages.SIGN_IN_POST, SignInPages.SSO, "/webjars",
                "/q/openapi", "/q/swagger-ui"));
        String annotation = "jakarta.ws.rs.Path";
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hotlinehub.connectors")) {
            Optional<String> path = type.tryGetAnnotationOfType(annotation)
                    .map(a -> String.valueOf(a.get("value").orElse("")));
            if (path.isEmpty()) {
                continue;
            }
            if (path.get().equals("/")) {
                type.getMethods().forEach(m -> m.tryGetAnnotationOfType(annotation)
                        .ifPresent(a -> roots.add(root("/" + a.get("value").orElse("")))));
            } else {
                roots.add(root(path.get().startsWith("/") ? path.get() : "/" + path.get()));
            }
        }
        try (Stream<Path> statics = Files.list(Path.of("src/main/resources/META-INF/resources"))) {
            statics.forEach(f -> roots.add("/" + f.getFileName()));
        }
        return roots;
    }

    /**
     * The keys of a {@code @ConfigMapping} interface as environment variables (SmallRye's kebab-case names; a map
     * takes any name after its key, so it gives a prefix).
     */
    private static void mappedKeys(Class<?> type, String prefix, Set<String> keys, Set<String> mapPrefixes) {
        for (Method method : type.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0) {
                continue;
            }
            WithName withName = method.getAnnotation(WithName.class);
            String key = prefix + "." + (withName != null ? withName.value() : kebab(method.getName()));
            Class<?> returned = method.getReturnType();
            if (Map.class.isAssignableFrom(returned)) {
                mapPrefixes.add(variable(key));
            } else if (returned.isInterface() && !returned.getName().startsWith("java.")) {
                mappedKeys(returned, key, keys, mapPrefixes);
            } else {
                keys.add(variable(key));
            }
        }
    }

    private static String defaultOf(Class<?> type, String method) {
        try {
            return type.getMethod(method).getAnnotation(io.smallrye.config.WithDefault.class).value();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The environment variables of every Quarkus key read at run time, from the configuration model each extension
     * ships (META-INF/quarkus-config-doc). A key fixed at build time is left out: set in a container, it changes
     * nothing.
     */
    private static Set<String> quarkusRuntimeVariables() throws IOException {
        Set<String> variables = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        Enumeration<URL> models = KubernetesManifestsTest.class.getClassLoader()
                .getResources("META-INF/quarkus-config-doc/quarkus-config-model.json");
        int read = 0;
        while (models.hasMoreElements()) {
            try (InputStream in = URI.create(models.nextElement().toString()).toURL().openStream()) {
                json.readTree(in).findParents("path").forEach(property -> {
                    JsonNode path = property.path("path");
                    if (path.has("environmentVariable") && "RUN_TIME".equals(property.path("phase").asText())) {
                        variables.add(path.path("environmentVariable").asText());
                    }
                });
            }
            read++;
        }
        assertTrue(read > 5 && variables.contains("QUARKUS_HTTP_PORT"), "Quarkus' configuration models were read");
        return variables;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    /** The environment variable of a key, the way SmallRye Config maps them: HUB_TWILIO_AUTH_TOKEN. */
    private static String variable(String key) {
        return key.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    // ------------------------------------------------------------------ numbers

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex);
        return m.group(1);
    }

    private static long mib(String megabytes) {
        return Long.parseLong(megabytes) << 20;
    }

    /** A Kubernetes memory quantity (Mi, Gi, M, G or bytes) in bytes. */
    private static long bytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Ki|Mi|Gi|K|M|G)?").matcher(quantity);
        assertTrue(m.matches(), quantity);
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "" : m.group(2)) {
            case "Ki" -> n << 10;
            case "Mi" -> n << 20;
            case "Gi" -> n << 30;
            case "K" -> n * 1_000;
            case "M" -> n * 1_000_000;
            case "G" -> n * 1_000_000_000;
            default -> n;
        };
    }
}
