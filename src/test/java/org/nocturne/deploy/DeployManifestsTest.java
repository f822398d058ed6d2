package org.nocturne.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nocturne.LocalServer;
import org.nocturne.NocturneApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests of {@code deploy/k8s}, rendered as {@code kubectl apply -k} would and
 * loaded into the fabric8 Kubernetes model: the probes answer on the paths and ports they name (the
 * service is started with the manifests' own environment), every environment variable binds to a
 * property of the service (a renamed property fails), the container runs as non-root on a read-only
 * root with resources set, and the objects select each other.
 */
class DeployManifestsTest {
  private static final Path BASE = Path.of("deploy/k8s/base");
  private static final Path PROD = Path.of("deploy/k8s/overlays/prod");
  private static final Path DEV = Path.of("deploy/k8s/overlays/dev");
  private static final Path PROD_MONITORING = Path.of("deploy/k8s/overlays/prod-monitoring");
  private static final Path EXAMPLE_SECRET = DEV.resolve("secret.yaml");
  private static final Path GUIDE = Path.of("deploy/README.md");
  private static final Path RULES = Path.of("deploy/prometheus/nocturne-cds.rules.yml");
  private static final Path DOCKERFILE = Path.of("deploy/Dockerfile");
  private static final KubernetesSerialization K8S = new KubernetesSerialization();

  static Stream<Path> overlays() {
    return Stream.of(BASE, PROD, DEV, PROD_MONITORING);
  }

  private static List<HasMetadata> load(Path directory) {
    List<HasMetadata> resources = new ArrayList<>();
    for (Map<String, Object> document : Kustomization.parse(Kustomization.render(directory))) {
      resources.add(K8S.unmarshal(new Yaml().dump(document), HasMetadata.class));
    }
    return resources;
  }

  private static <T extends HasMetadata> List<T> all(List<HasMetadata> resources, Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static <T extends HasMetadata> T one(List<HasMetadata> resources, Class<T> type) {
    List<T> found = all(resources, type);
    assertThat(found).as(type.getSimpleName()).hasSize(1);
    return found.get(0);
  }

  private static Container container(List<HasMetadata> resources) {
    PodSpec pod = one(resources, Deployment.class).getSpec().getTemplate().getSpec();
    assertThat(pod.getContainers()).hasSize(1);
    return pod.getContainers().get(0);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyRenderedManifestLoadsIntoTheKubernetesModel(Path directory) {
    List<HasMetadata> resources = load(directory);

    assertThat(resources)
        .extracting(HasMetadata::getKind)
        .contains(
            "Namespace",
            "Deployment",
            "Service",
            "HorizontalPodAutoscaler",
            "PodDisruptionBudget",
            "NetworkPolicy",
            "ConfigMap");
    // the Prometheus Operator's objects only where its CRDs are asked for: every other overlay
    // applies on a plain cluster
    List<String> custom =
        all(resources, GenericKubernetesResource.class).stream().map(HasMetadata::getKind).toList();
    if (directory.equals(PROD_MONITORING)) {
      assertThat(custom).containsExactlyInAnyOrder("ServiceMonitor", "PrometheusRule");
    } else {
      assertThat(custom).isEmpty();
    }
    // the example Secret only in the dev overlay; production's is created by the operator
    assertThat(all(resources, Secret.class)).hasSize(directory.equals(DEV) ? 1 : 0);
  }

  @Test
  void productionTakesItsSecretFromOneTheOperatorCreatesAsTheGuideSays() throws IOException {
    Secret example = K8S.unmarshal(Files.readString(EXAMPLE_SECRET), Secret.class);
    String reference =
        container(load(PROD)).getEnvFrom().stream()
            .filter(from -> from.getSecretRef() != null)
            .findFirst()
            .orElseThrow()
            .getSecretRef()
            .getName();
    String guide = Files.readString(GUIDE).replace("\\\n", " ");
    Matcher create =
        Pattern.compile("kubectl create secret generic (\\S+) -n (\\S+)([^\\n]*)").matcher(guide);

    assertThat(create.find()).as("a kubectl create secret line in %s", GUIDE).isTrue();
    assertThat(create.group(1)).isEqualTo(reference).isEqualTo(example.getMetadata().getName());
    assertThat(create.group(2)).isEqualTo("nocturne");
    List<String> created =
        Pattern.compile("--from-literal=([A-Z_]+)=")
            .matcher(create.group(3))
            .results()
            .map(match -> match.group(1))
            .toList();
    assertThat(created).containsExactlyInAnyOrderElementsOf(example.getStringData().keySet());
  }

  @Test
  void noExampleSecretValueReachesAProductionManifest() throws IOException {
    Secret example = K8S.unmarshal(Files.readString(EXAMPLE_SECRET), Secret.class);
    for (Path overlay : List.of(PROD, PROD_MONITORING)) {
      String rendered = Kustomization.render(overlay);
      assertThat(rendered).doesNotContain("kind: Secret").doesNotContain("change-me");
      for (String key : List.of("SPRING_DATASOURCE_PASSWORD", "NOCTURNE_ADMIN_TOKEN")) {
        assertThat(rendered).doesNotContain(example.getStringData().get(key));
      }
    }
    try (Stream<Path> files = Files.walk(Path.of("deploy/k8s"))) {
      assertThat(
              files
                  .filter(Files::isRegularFile)
                  .filter(file -> !file.startsWith(DEV))
                  .filter(file -> contains(file, "kind: Secret")))
          .as("Secrets outside the dev overlay")
          .isEmpty();
    }
  }

  private static boolean contains(Path file, String text) {
    try {
      return Files.readString(file).contains(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void aStoppingPodLeavesTheEndpointsBeforeTheJvmIsSignalled(Path directory) {
    List<HasMetadata> resources = load(directory);
    List<String> preStop = container(resources).getLifecycle().getPreStop().getExec().getCommand();
    long grace =
        one(resources, Deployment.class)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getTerminationGracePeriodSeconds();

    assertThat(preStop).hasSize(2).first().isEqualTo("sleep");
    // the pause, then Spring's graceful shutdown (30 s at most), inside the grace period
    assertThat(grace).isGreaterThanOrEqualTo(Long.parseLong(preStop.get(1)) + 30);
  }

  @Test
  void theMonitoringComponentCarriesTheTestedAlertRules() throws IOException {
    GenericKubernetesResource rule =
        all(load(PROD_MONITORING), GenericKubernetesResource.class).stream()
            .filter(resource -> resource.getKind().equals("PrometheusRule"))
            .findFirst()
            .orElseThrow();

    assertThat(rule.getAdditionalProperties().get("spec"))
        .isEqualTo(new Yaml().load(Files.readString(RULES)));
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void theContainerRunsAsNonRootOnAReadOnlyRootWithResourcesSet(Path directory) {
    List<HasMetadata> resources = load(directory);
    PodSpec pod = one(resources, Deployment.class).getSpec().getTemplate().getSpec();
    Container container = container(resources);

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getVolumeMounts())
        .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
    for (String kind : List.of("cpu", "memory")) {
      assertThat(container.getResources().getRequests()).containsKey(kind);
      assertThat(container.getResources().getLimits()).containsKey(kind);
    }
    assertThat(container.getImage()).doesNotEndWith(":latest").contains(":");
  }

  @Test
  void theProductionOverlayUsesItsRegistryNamespaceAndSizes() {
    List<HasMetadata> resources = load(PROD);

    assertThat(one(resources, Namespace.class).getMetadata().getName()).isEqualTo("nocturne");
    assertThat(resources)
        .filteredOn(resource -> !(resource instanceof Namespace))
        .allSatisfy(
            resource -> assertThat(resource.getMetadata().getNamespace()).isEqualTo("nocturne"));
    assertThat(container(resources).getImage())
        .isEqualTo("registry.hospital.example/nocturne-cds:0.1.0");
    assertThat(one(resources, Deployment.class).getSpec().getReplicas()).isEqualTo(3);
    assertThat(one(resources, HorizontalPodAutoscaler.class).getSpec().getMinReplicas())
        .isEqualTo(3);
    assertThat(container(resources).getResources().getLimits().get("memory").toString())
        .isEqualTo("1Gi");
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void theObjectsSelectEachOtherAndEgressIsClosed(Path directory) {
    List<HasMetadata> resources = load(directory);
    Deployment deployment = one(resources, Deployment.class);
    Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
    List<String> containerPorts =
        container(resources).getPorts().stream().map(ContainerPort::getName).toList();
    Service service = one(resources, Service.class);
    NetworkPolicy policy = one(resources, NetworkPolicy.class);

    assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
    assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
    assertThat(service.getSpec().getPorts())
        .extracting(port -> port.getTargetPort().getStrVal())
        .allSatisfy(target -> assertThat(containerPorts).contains(target));
    assertThat(podLabels)
        .containsAllEntriesOf(
            one(resources, PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels());
    assertThat(
            one(resources, HorizontalPodAutoscaler.class).getSpec().getScaleTargetRef().getName())
        .isEqualTo(deployment.getMetadata().getName());
    assertThat(podLabels).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
    assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress", "Egress");
    // every egress rule names its destinations: DNS, the EHR (HTTPS), the database
    assertThat(policy.getSpec().getEgress())
        .allSatisfy(rule -> assertThat(rule.getTo()).isNotEmpty())
        .flatExtracting(NetworkPolicyEgressRule::getPorts)
        .extracting(port -> port.getPort().getIntVal())
        .containsOnly(53, 443, 5432);
    // the database by address (a managed PostgreSQL has no pod label to select)
    assertThat(policy.getSpec().getEgress())
        .filteredOn(rule -> rule.getPorts().get(0).getPort().getIntVal() == 5432)
        .singleElement()
        .satisfies(rule -> assertThat(rule.getTo().get(0).getIpBlock().getCidr()).contains("/"));
    List<GenericKubernetesResource> monitors =
        all(resources, GenericKubernetesResource.class).stream()
            .filter(resource -> resource.getKind().equals("ServiceMonitor"))
            .toList();
    if (monitors.isEmpty()) {
      return; // no Prometheus Operator objects in this overlay
    }
    GenericKubernetesResource monitor = monitors.get(0);
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) monitor.getAdditionalProperties().get("spec");
    @SuppressWarnings("unchecked")
    Map<String, String> selected =
        (Map<String, String>) ((Map<String, Object>) spec.get("selector")).get("matchLabels");
    assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(selected);
    assertThat(service.getSpec().getPorts())
        .extracting(ServicePort::getName)
        .contains(String.valueOf(endpoint(monitor).get("port")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> endpoint(GenericKubernetesResource monitor) {
    Map<String, Object> spec = (Map<String, Object>) monitor.getAdditionalProperties().get("spec");
    return ((List<Map<String, Object>>) spec.get("endpoints")).get(0);
  }

  /** The container's environment: its own variables and every ConfigMap or Secret it imports. */
  private static Map<String, String> environment(List<HasMetadata> resources) {
    Container container = container(resources);
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvFromSource from : container.getEnvFrom()) {
      if (from.getConfigMapRef() != null) {
        ConfigMap map =
            all(resources, ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals(from.getConfigMapRef().getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap " + from.getConfigMapRef()));
        env.putAll(map.getData());
      }
      if (from.getSecretRef() != null) {
        // production's Secret is the operator's, with the keys of the dev overlay's example
        Secret secret =
            all(resources, Secret.class).stream()
                .filter(s -> s.getMetadata().getName().equals(from.getSecretRef().getName()))
                .findFirst()
                .orElseGet(() -> exampleSecret(from.getSecretRef().getName()));
        env.putAll(secret.getStringData());
      }
    }
    if (container.getEnv() != null) {
      for (EnvVar variable : container.getEnv()) {
        env.put(variable.getName(), Objects.requireNonNullElse(variable.getValue(), "x"));
      }
    }
    return env;
  }

  private static Secret exampleSecret(String name) {
    try {
      Secret example = K8S.unmarshal(Files.readString(EXAMPLE_SECRET), Secret.class);
      assertThat(example.getMetadata().getName()).isEqualTo(name);
      return example;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts the service with the production overlay's environment (the two port numbers made random,
   * so parallel builds do not collide, and the database an in-memory one), then calls every probe
   * on the port it names and asks the service which property each variable was bound to.
   */
  @Test
  void theProbesAnswerAndEveryEnvironmentVariableBindsToAProperty() {
    List<HasMetadata> resources = load(PROD_MONITORING);
    Map<String, String> env = environment(resources);
    assertThat(env).containsKeys("SERVER_PORT", "MANAGEMENT_SERVER_PORT");
    Map<String, Object> started = new LinkedHashMap<>(env);
    started.put("SERVER_PORT", "0");
    started.put("MANAGEMENT_SERVER_PORT", "0");
    // the same variables, pointed at an in-memory database in PostgreSQL mode (Flyway runs)
    assertThat(env).containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_PASSWORD");
    started.put(
        "SPRING_DATASOURCE_URL",
        "jdbc:h2:mem:manifests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    started.put("SPRING_DATASOURCE_USERNAME", "sa");
    started.put("SPRING_DATASOURCE_PASSWORD", "");
    started.put("NOCTURNE_STATE", "jdbc");
    // the overlay's example token is refused at start (SecurityStartupCheck): an operator's own
    if (started.containsKey("NOCTURNE_ADMIN_TOKEN")) {
      started.put("NOCTURNE_ADMIN_TOKEN", "an-operator-generated-admin-token-of-48-characters");
    }
    StandardEnvironment environment = new StandardEnvironment();
    // the "-systemEnvironment" suffix gives it Spring's environment-variable name mapping
    environment
        .getPropertySources()
        .addFirst(new SystemEnvironmentPropertySource("manifest-systemEnvironment", started));
    SpringApplication app = new SpringApplication(NocturneApplication.class);
    app.setEnvironment(environment);

    try (ConfigurableApplicationContext context =
        app.run(
            "--management.endpoints.web.exposure.include=health,prometheus,configprops",
            "--management.endpoint.configprops.show-values=always")) {
      int server = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      int management =
          context.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
      Map<Integer, Integer> actualPort =
          Map.of(
              Integer.parseInt(env.get("SERVER_PORT")), server,
              Integer.parseInt(env.get("MANAGEMENT_SERVER_PORT")), management);
      Container container = container(resources);

      for (Probe probe :
          List.of(
              container.getStartupProbe(),
              container.getLivenessProbe(),
              container.getReadinessProbe())) {
        String path = probe.getHttpGet().getPath();
        int port =
            actualPort.get(containerPort(container, probe.getHttpGet().getPort().getStrVal()));
        assertThat(path).startsWith("/actuator/health");
        assertThat(new LocalServer(port).get(path).statusCode()).as(path).isEqualTo(200);
      }
      Service service = one(resources, Service.class);
      new LocalServer(server).postJson("/cds-services/nocturnal-leg-pain", "{}"); // 401, counted
      Map<String, Object> scrape =
          endpoint(
              all(resources, GenericKubernetesResource.class).stream()
                  .filter(resource -> resource.getKind().equals("ServiceMonitor"))
                  .findFirst()
                  .orElseThrow());
      String target =
          service.getSpec().getPorts().stream()
              .filter(port -> port.getName().equals(scrape.get("port")))
              .findFirst()
              .orElseThrow()
              .getTargetPort()
              .getStrVal();
      assertThat(
              new LocalServer(actualPort.get(containerPort(container, target)))
                  .get((String) scrape.get("path"))
                  .body())
          .contains("nocturne_cds_invocations_seconds");

      String configprops = new LocalServer(management).get("/actuator/configprops").body();
      for (String name : env.keySet()) {
        assertThat(configprops)
            .as("%s is bound to a property of the service", name)
            .contains("\\\"" + name + "\\\"");
      }
    }
  }

  private static int containerPort(Container container, String name) {
    return container.getPorts().stream()
        .filter(port -> name.equals(port.getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container port " + name))
        .getContainerPort();
  }

  @Test
  void theImageBuildsInStagesRunsAsTheManifestsUserAndExitsOnOutOfMemory() throws IOException {
    String dockerfile = Files.readString(DOCKERFILE);
    Container container = container(load(PROD));
    long runAsUser =
        one(load(PROD), Deployment.class)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getSecurityContext()
            .getRunAsUser();

    assertThat(Pattern.compile("(?m)^FROM ").matcher(dockerfile).results().count()).isEqualTo(3);
    // the build stage gets Node 20 and npm for the questionnaire app (README: prerequisites)
    assertThat(dockerfile)
        .containsPattern("(?m)^FROM node:20[-.\\w]* AS node$")
        .contains("COPY --from=node /usr/local/bin/node ")
        .contains("COPY --from=node /usr/local/lib/node_modules/npm ");
    assertThat(Files.readString(Path.of(".dockerignore"))).contains("src/main/app/node_modules/");
    Matcher user = Pattern.compile("(?m)^USER (\\d+)").matcher(dockerfile);
    assertThat(user.find()).isTrue();
    assertThat(Long.parseLong(user.group(1))).isEqualTo(runAsUser).isPositive();
    assertThat(dockerfile).contains("\"-XX:+ExitOnOutOfMemoryError\"", "-XX:MaxRAMPercentage=");
    Matcher expose = Pattern.compile("(?m)^EXPOSE (.+)$").matcher(dockerfile);
    assertThat(expose.find()).isTrue();
    for (ContainerPort port : container.getPorts()) {
      assertThat(expose.group(1).split(" ")).contains(String.valueOf(port.getContainerPort()));
    }
  }

  @Test
  void theImageRunsWithTheMeasuredFlagsAndAClassDataArchiveOfItsOwnJvm() throws IOException {
    String dockerfile = Files.readString(DOCKERFILE);
    String run = dockerfile.substring(dockerfile.lastIndexOf("FROM "));
    String entrypoint = run.substring(run.indexOf("ENTRYPOINT"));

    // README, Performance: the flags the load test measured
    assertThat(entrypoint)
        .contains(
            "\"-XX:+UseSerialGC\"",
            "\"-Xss512k\"",
            "\"-XX:ReservedCodeCacheSize=128m\"",
            "\"-XX:SharedArchiveFile=nocturne-cds.jsa\"",
            "\"-jar\", \"nocturne-cds.jar\"");
    // both JIT compilers: a long-running server (issue 30)
    assertThat(entrypoint).doesNotContain("TieredStopAtLevel");
    assertThat(run).contains("ENV MALLOC_ARENA_MAX=2");
    // the archive is written in the run stage (by the JVM that maps it), before the user switch
    Matcher training =
        Pattern.compile("(?m)^RUN java -XX:ArchiveClassesAtExit=nocturne-cds\\.jsa .*")
            .matcher(run);
    assertThat(training.find()).isTrue();
    assertThat(run.indexOf(training.group())).isLessThan(run.indexOf("USER "));
    assertThat(run).contains("-Dspring.context.exit=onRefresh");
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void theFallbackAssemblyRendersWhatKubectlRenders(Path directory) {
    Tools.assumeInstalledOutsideCi(Kustomization.kubectlAvailable(), "kubectl");

    assertThat(byKindAndName(Kustomization.parse(Kustomization.assemble(directory))))
        .isEqualTo(byKindAndName(Kustomization.parse(Kustomization.withKubectl(directory))));
  }

  private static Map<String, Map<String, Object>> byKindAndName(List<Map<String, Object>> docs) {
    Map<String, Map<String, Object>> indexed = new TreeMap<>();
    for (Map<String, Object> doc : docs) {
      indexed.put(doc.get("kind") + "/" + ((Map<?, ?>) doc.get("metadata")).get("name"), doc);
    }
    return indexed;
  }
}
