import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Generates the typed ClientSet from fabric8's model classes, run at build time in {@code generate-sources}
 * with the JDK's single-file source launcher: {@code java -cp <compile classpath> ClientSetGenerator.java <outdir>}.
 *
 * <p>Every concrete class in a {@code kubernetes-model-*} jar on the class path that implements
 * {@code HasMetadata} and carries {@code @Group} and {@code @Version} is a
 * served resource; it is namespaced iff it implements {@code Namespaced}, and its plural comes from
 * {@code HasMetadata.getPlural}. For each group version the generator writes one {@code …Client} class with a
 * one-line accessor per resource over the generic {@code ResourceClient}; it also writes
 * {@code BuiltinApiGroups} (one accessor per group version) and {@code BuiltinResources} (class → descriptor).
 * Output is sorted so that builds are reproducible.
 */
public class ClientSetGenerator {

    /** Classes that carry HasMetadata/@Group/@Version but are not served collections, with the reason. */
    private static final Map<String, String> NOT_SERVED = Map.of(
            "io.fabric8.kubernetes.api.model.autoscaling.v1.Scale", "the body of the scale subresource",
            "io.fabric8.kubernetes.api.model.policy.v1.Eviction", "the body of the pods/eviction subresource",
            "io.fabric8.kubernetes.api.model.policy.v1beta1.Eviction", "the body of the pods/eviction subresource",
            "io.fabric8.kubernetes.api.model.authentication.TokenRequest", "the body of the serviceaccounts/token subresource",
            "io.fabric8.kubernetes.api.model.Binding", "the body of the pods/binding subresource",
            "io.fabric8.kubernetes.api.model.PartialObjectMetadata",
            "a projection of any kind's metadata, obtained by content negotiation");

    private static final String TYPED_PACKAGE = "io.kreactor.clientset.typed";
    private static final String ROOT_PACKAGE = "io.kreactor.clientset";

    record Resource(Class<?> type, String group, String version, String kind, String plural, String singular,
                    List<String> shortNames, boolean namespaced) {
        String method() {
            return camelPlural(kind, plural);
        }

        String constant() {
            return method().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        }

        String groupVersion() {
            return group.isEmpty() ? version : group + "/" + version;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ClientSetGenerator <output directory>");
        }
        Path out = Path.of(args[0]);
        List<Resource> resources = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String className : modelClassNames()) {
            Class<?> type;
            try {
                type = Class.forName(className, false, ClientSetGenerator.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            Resource r = describe(type, skipped);
            if (r != null) {
                resources.add(r);
            }
        }
        // group version -> plural -> resource; the first class (by name) wins a duplicate plural.
        Map<String, Map<String, Resource>> byGroupVersion = new TreeMap<>(ClientSetGenerator::compareGroupVersions);
        resources.sort(Comparator.comparing(r -> r.type().getName()));
        for (Resource r : resources) {
            Map<String, Resource> plurals = byGroupVersion.computeIfAbsent(r.group() + "|" + r.version(), k -> new TreeMap<>());
            Resource existing = plurals.putIfAbsent(r.plural(), r);
            if (existing != null) {
                skipped.add(r.type().getName() + " (duplicate of " + existing.type().getName() + " for " + r.groupVersion()
                        + ", Resource=" + r.plural() + ")");
            }
        }
        Map<String, String> groupNames = groupAccessorNames(byGroupVersion.keySet());
        Path typedDir = out.resolve(TYPED_PACKAGE.replace('.', '/'));
        Path rootDir = out.resolve(ROOT_PACKAGE.replace('.', '/'));
        Files.createDirectories(typedDir);
        // A group version that disappeared from the models must not leave a stale client behind.
        try (var stale = Files.list(typedDir)) {
            for (Path p : stale.toList()) {
                Files.delete(p);
            }
        }
        Files.createDirectories(rootDir);
        StringBuilder groupsSource = new StringBuilder();
        StringBuilder registry = new StringBuilder();
        int count = 0;
        for (var e : byGroupVersion.entrySet()) {
            String[] gv = e.getKey().split("\\|", -1);
            String accessor = groupNames.get(gv[0]) + capitalize(gv[1]);
            String className = capitalize(accessor) + "Client";
            Files.writeString(typedDir.resolve(className + ".java"),
                    groupClient(className, gv[0], gv[1], e.getValue().values()), StandardCharsets.UTF_8);
            groupsSource.append(groupAccessor(accessor, className, gv[0], gv[1], e.getValue().values()));
            for (Resource r : e.getValue().values()) {
                registry.append("                Map.entry(").append(r.type().getName()).append(".class, ")
                        .append(TYPED_PACKAGE).append('.').append(className).append('.').append(r.constant()).append("),\n");
                count++;
            }
        }
        Files.writeString(rootDir.resolve("BuiltinApiGroups.java"), apiGroups(groupsSource.toString()), StandardCharsets.UTF_8);
        Files.writeString(rootDir.resolve("BuiltinResources.java"),
                builtinResources(registry.substring(0, Math.max(0, registry.length() - 2)) + "\n"), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("clientset-skipped.txt"), String.join("\n", new TreeSet<>(skipped)) + "\n", StandardCharsets.UTF_8);
        System.out.println("ClientSetGenerator: " + count + " resources in " + byGroupVersion.size() + " group versions; "
                + skipped.size() + " classes skipped (see clientset-skipped.txt)");
    }

    private static Resource describe(Class<?> type, List<String> skipped) {
        if (!HasMetadata.class.isAssignableFrom(type) || type.isInterface() || Modifier.isAbstract(type.getModifiers())
                || !Modifier.isPublic(type.getModifiers()) || type.getEnclosingClass() != null) {
            return null;
        }
        Group group = type.getAnnotation(Group.class);
        Version version = type.getAnnotation(Version.class);
        if (group == null || version == null) {
            return null;
        }
        if (NOT_SERVED.containsKey(type.getName())) {
            skipped.add(type.getName() + " (not a served collection: " + NOT_SERVED.get(type.getName()) + ")");
            return null;
        }
        // Create-only kinds (TokenReview, SubjectAccessReview, …) have no …List class but are served resources all
        // the same, as client-go's generated clients show; the list kind is only a name here.
        @SuppressWarnings("unchecked")
        Class<? extends HasMetadata> hm = (Class<? extends HasMetadata>) type;
        ShortNames shortNames = type.getAnnotation(ShortNames.class);
        return new Resource(type, group.value(), version.value(), HasMetadata.getKind(hm), HasMetadata.getPlural(hm),
                HasMetadata.getSingular(hm), shortNames == null ? List.of() : Arrays.asList(shortNames.value()),
                Namespaced.class.isAssignableFrom(type));
    }

    private static List<String> modelClassNames() throws IOException {
        List<String> names = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String file = new File(entry).getName();
            if (!file.startsWith("kubernetes-model-") || !file.endsWith(".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                for (JarEntry je : java.util.Collections.list(jar.entries())) {
                    String n = je.getName();
                    if (n.endsWith(".class") && !n.contains("$") && !n.endsWith("module-info.class")
                            && !n.endsWith("package-info.class")) {
                        names.add(n.substring(0, n.length() - ".class".length()).replace('/', '.'));
                    }
                }
            }
        }
        names.sort(null);
        return names;
    }

    /** "" first, then by group, then versions by Kubernetes' priority (GA over beta over alpha, higher first). */
    private static int compareGroupVersions(String a, String b) {
        String[] x = a.split("\\|", -1);
        String[] y = b.split("\\|", -1);
        int c = x[0].compareTo(y[0]);
        return c != 0 ? c : x[1].compareTo(y[1]);
    }

    /** The accessor prefix of each group: its first DNS label, or the whole group when two groups share it. */
    private static Map<String, String> groupAccessorNames(Set<String> groupVersions) {
        Map<String, List<String>> byFirstLabel = new TreeMap<>();
        for (String gv : groupVersions) {
            String group = gv.split("\\|", -1)[0];
            String first = group.isEmpty() ? "core" : group.split("\\.")[0];
            List<String> groups = byFirstLabel.computeIfAbsent(first, k -> new ArrayList<>());
            if (!groups.contains(group)) {
                groups.add(group);
            }
        }
        Map<String, String> names = new TreeMap<>();
        byFirstLabel.forEach((first, groups) -> {
            for (String group : groups) {
                names.put(group, groups.size() == 1 ? identifier(first) : identifier(group));
            }
        });
        return names;
    }

    private static String identifier(String dotted) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char ch : dotted.toCharArray()) {
            if (ch == '.' || ch == '-') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return sb.toString();
    }

    /** camelCase of the plural, with the kind's word boundaries: {@code NetworkPolicy/networkpolicies -> networkPolicies}. */
    static String camelPlural(String kind, String plural) {
        String lowerKind = kind.toLowerCase(Locale.ROOT);
        int common = 0;
        while (common < lowerKind.length() && common < plural.length() && lowerKind.charAt(common) == plural.charAt(common)) {
            common++;
        }
        return decapitalize(kind.substring(0, common)) + plural.substring(common);
    }

    /** Lower-cases a leading acronym the way client-go's names read: {@code APIService -> apiService}, {@code CSINode -> csiNode}. */
    static String decapitalize(String s) {
        int upper = 0;
        while (upper < s.length() && Character.isUpperCase(s.charAt(upper))) {
            upper++;
        }
        // In "APIService" the run is "APIS"; its last letter starts the next word.
        int lower = upper > 1 && upper < s.length() ? upper - 1 : Math.max(upper, 1);
        return s.substring(0, lower).toLowerCase(Locale.ROOT) + s.substring(lower);
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String describeGv(String group, String version) {
        return group.isEmpty() ? version + " (core)" : group + "/" + version;
    }

    private static String groupClient(String className, String group, String version, java.util.Collection<Resource> resources) {
        StringBuilder sb = new StringBuilder();
        sb.append("// Generated by clientset/src/build/java/ClientSetGenerator.java from the fabric8 model classes. Do not edit.\n");
        sb.append("package ").append(TYPED_PACKAGE).append(";\n\n");
        sb.append("import io.kreactor.rest.RestClient;\n");
        sb.append("import io.kreactor.rest.resource.ResourceClient;\n");
        sb.append("import io.kreactor.rest.resource.ResourceDescriptor;\n");
        sb.append("import java.util.List;\n");
        sb.append("import java.util.Objects;\n\n");
        sb.append("/**\n * Typed clients of the API group version {@code ").append(describeGv(group, version))
                .append("}, like client-go's {@code ").append(capitalize(className.replace("Client", ""))).append("Interface}.\n")
                .append(" * Every accessor is a thin layer over the generic {@link ResourceClient}; namespaced kinds take a namespace,\n")
                .append(" * and the no-argument form of a namespaced kind lists and watches across all namespaces.\n */\n");
        sb.append("public final class ").append(className).append(" {\n\n");
        for (Resource r : resources) {
            sb.append("    /** The descriptor of {@code ").append(r.groupVersion()).append(", Resource=").append(r.plural())
                    .append("} ({@link ").append(r.type().getName()).append("}, ")
                    .append(r.namespaced() ? "namespaced" : "cluster-scoped").append(").").append(" */\n");
            sb.append("    public static final ResourceDescriptor ").append(r.constant()).append(" = new ResourceDescriptor(\n")
                    .append("            new io.kreactor.core.api.GroupVersionResource(\"").append(group).append("\", \"")
                    .append(version).append("\", \"").append(r.plural()).append("\"), \"").append(r.kind()).append("\",\n")
                    .append("            ResourceDescriptor.Scope.").append(r.namespaced() ? "NAMESPACED" : "CLUSTER")
                    .append(", \"").append(r.singular()).append("\", List.of(");
            for (int i = 0; i < r.shortNames().size(); i++) {
                sb.append(i == 0 ? "" : ", ").append('"').append(r.shortNames().get(i)).append('"');
            }
            sb.append("), \"").append(r.kind()).append("List\");\n\n");
        }
        sb.append("    private final RestClient rest;\n\n");
        sb.append("    /** The clients of this group version over {@code rest}. */\n");
        sb.append("    public ").append(className).append("(RestClient rest) {\n        this.rest = Objects.requireNonNull(rest, \"rest\");\n    }\n\n");
        for (Resource r : resources) {
            String type = r.type().getName();
            String gvr = "{@code " + r.groupVersion() + ", Resource=" + r.plural() + "}";
            if (r.namespaced()) {
                sb.append("    /** ").append(r.kind()).append(" objects (").append(gvr).append(") in {@code namespace}. */\n");
                sb.append("    public ResourceClient<").append(type).append("> ").append(r.method()).append("(String namespace) {\n");
                sb.append("        return ResourceClient.create(rest, ").append(r.constant()).append(", ").append(type)
                        .append(".class).inNamespace(namespace);\n    }\n\n");
                sb.append("    /** ").append(r.kind()).append(" objects (").append(gvr)
                        .append(") across all namespaces: for list, watch and objects that name their namespace. */\n");
            } else {
                sb.append("    /** ").append(r.kind()).append(" objects (").append(gvr).append("), cluster-scoped. */\n");
            }
            sb.append("    public ResourceClient<").append(type).append("> ").append(r.method()).append("() {\n");
            sb.append("        return ResourceClient.create(rest, ").append(r.constant()).append(", ").append(type).append(".class);\n    }\n\n");
        }
        sb.setLength(sb.length() - 1);
        sb.append("}\n");
        return sb.toString();
    }

    private static String groupAccessor(String accessor, String className, String group, String version,
                                        java.util.Collection<Resource> resources) {
        return "    /** Typed clients of {@code " + describeGv(group, version) + "} (" + resources.size() + " resources). */\n"
                + "    public " + TYPED_PACKAGE + "." + className + " " + accessor + "() {\n"
                + "        return new " + TYPED_PACKAGE + "." + className + "(restClient());\n    }\n\n";
    }

    private static String apiGroups(String accessors) {
        return "// Generated by clientset/src/build/java/ClientSetGenerator.java from the fabric8 model classes. Do not edit.\n"
                + "package " + ROOT_PACKAGE + ";\n\n"
                + "import io.kreactor.rest.RestClient;\n\n"
                + "/**\n * One accessor per built-in API group version, client-go's {@code kubernetes.Interface}:\n"
                + " * {@code coreV1().pods(ns)}, {@code appsV1().deployments(ns)}, {@code coreV1().nodes()}. Generated from the\n"
                + " * fabric8 model classes on the build class path; {@link KubernetesClientSet} is the only implementation.\n */\n"
                + "public abstract class BuiltinApiGroups {\n\n"
                + "    BuiltinApiGroups() {\n    }\n\n"
                + "    /** The REST client every typed client shares. */\n"
                + "    public abstract RestClient restClient();\n\n"
                + accessors.substring(0, accessors.length() - 1)
                + "}\n";
    }

    private static String builtinResources(String entries) {
        return "// Generated by clientset/src/build/java/ClientSetGenerator.java from the fabric8 model classes. Do not edit.\n"
                + "package " + ROOT_PACKAGE + ";\n\n"
                + "import io.kreactor.rest.resource.ResourceDescriptor;\n"
                + "import java.util.Map;\n"
                + "import java.util.Optional;\n\n"
                + "/** The descriptor of every built-in fabric8 model class the ClientSet covers. */\n"
                + "public final class BuiltinResources {\n\n"
                + "    private static final Map<Class<?>, ResourceDescriptor> ALL = Map.ofEntries(\n"
                + entries
                + "    );\n\n"
                + "    private BuiltinResources() {\n    }\n\n"
                + "    /** The descriptor of the built-in model class {@code type}, if it is one. */\n"
                + "    public static Optional<ResourceDescriptor> forClass(Class<?> type) {\n"
                + "        return Optional.ofNullable(ALL.get(type));\n    }\n\n"
                + "    /** Every built-in model class with its descriptor, unmodifiable. */\n"
                + "    public static Map<Class<?>, ResourceDescriptor> all() {\n        return ALL;\n    }\n"
                + "}\n";
    }
}
