package io.kreactor.core.config;

import io.kreactor.core.errors.ConfigException;
import io.kreactor.core.config.KubeConfigFile.AuthProviderStanza;
import io.kreactor.core.config.KubeConfigFile.Cluster;
import io.kreactor.core.config.KubeConfigFile.Context;
import io.kreactor.core.config.KubeConfigFile.ExecStanza;
import io.kreactor.core.config.KubeConfigFile.User;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one kubeconfig file (YAML or JSON) into a {@link KubeConfigFile}, with SnakeYAML's
 * {@link SafeConstructor} so that only plain maps, lists and scalars can be built. Follows client-go's
 * {@code clientcmd/api/v1} schema: {@code clusters}, {@code users}, {@code contexts}, {@code current-context};
 * {@code preferences} and {@code extensions} are ignored. Within one file a later entry with the same name
 * replaces an earlier one, as client-go's conversion to its internal maps does.
 */
final class KubeConfigParser {

    private KubeConfigParser() {
    }

    /** Reads and parses {@code file}. Blocking file I/O. */
    static KubeConfigFile read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("kubeconfig " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("cannot read kubeconfig " + file + ": " + e.getMessage(), e);
        }
        return parse(file, new String(bytes, StandardCharsets.UTF_8));
    }

    static KubeConfigFile parse(Path file, String text) {
        Object document;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowRecursiveKeys(false);
            document = new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            String context = e.getProblem() != null && e.getContext() != null
                    ? " (" + e.getContext() + at(e.getContextMark()) + ")" : "";
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ConfigException("kubeconfig " + file + " is not valid YAML" + at(mark) + ": " + problem + context, e);
        } catch (YAMLException e) {
            throw new ConfigException("kubeconfig " + file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (document == null) {
            return new KubeConfigFile(file, Map.of(), Map.of(), Map.of(), null);
        }
        if (!(document instanceof Map<?, ?> root)) {
            throw new ConfigException("kubeconfig " + file + " must be a mapping with clusters, users and contexts");
        }
        YamlFields top = new YamlFields(file, "", root);
        return new KubeConfigFile(file,
                named(top, "clusters", "cluster", KubeConfigParser::cluster),
                named(top, "users", "user", KubeConfigParser::user),
                named(top, "contexts", "context", KubeConfigParser::context),
                top.string("current-context"));
    }

    private static String at(Mark mark) {
        return mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static <T> Map<String, T> named(YamlFields top, String listKey, String itemKey,
                                            BiFunction<String, YamlFields, T> convert) {
        Map<String, T> out = new LinkedHashMap<>();
        List<?> entries = top.list(listKey);
        for (int i = 0; i < entries.size(); i++) {
            Object entry = entries.get(i);
            YamlFields holder = new YamlFields(top.file(), listKey + "[" + i + "]", Map.of());
            if (!(entry instanceof Map<?, ?> m)) {
                throw holder.error(null, "expected a mapping with name and " + itemKey);
            }
            YamlFields named = new YamlFields(top.file(), listKey + "[" + i + "]", m);
            String name = named.string("name");
            if (name == null) {
                throw named.error("name", "missing; every " + itemKey + " needs a name");
            }
            YamlFields item = new YamlFields(top.file(), listKey + "[name=" + name + "]", m).mapping(itemKey);
            if (item == null) {
                item = new YamlFields(top.file(), listKey + "[name=" + name + "]." + itemKey, Map.of());
            }
            out.put(name, convert.apply(name, item));
        }
        return out;
    }

    private static Cluster cluster(String name, YamlFields c) {
        return new Cluster(name, c.file(), c.path(), c.string("server"), c.string("tls-server-name"),
                c.bool("insecure-skip-tls-verify"), c.path("certificate-authority"), c.base64("certificate-authority-data"),
                c.string("proxy-url"));
    }

    private static User user(String name, YamlFields u) {
        List<String> impersonation = new ArrayList<>();
        for (String key : List.of("as", "as-uid", "as-groups", "as-user-extra")) {
            if (u.has(key)) {
                impersonation.add(key);
            }
        }
        return new User(name, u.file(), u.path(), u.path("client-certificate"), u.base64("client-certificate-data"),
                u.path("client-key"), u.base64("client-key-data"), u.string("token"), u.path("tokenFile"),
                u.string("username"), u.string("password"), authProvider(u), exec(u), List.copyOf(impersonation));
    }

    private static AuthProviderStanza authProvider(YamlFields u) {
        YamlFields a = u.mapping("auth-provider");
        if (a == null) {
            return null;
        }
        String name = a.string("name");
        if (name == null) {
            throw a.error("name", "missing; an auth-provider needs a name");
        }
        return new AuthProviderStanza(name, a.stringMap("config"));
    }

    private static ExecStanza exec(YamlFields u) {
        YamlFields e = u.mapping("exec");
        if (e == null) {
            return null;
        }
        Map<String, String> env = new LinkedHashMap<>();
        List<?> entries = e.list("env");
        for (int i = 0; i < entries.size(); i++) {
            YamlFields slot = new YamlFields(e.file(), e.field("env[" + i + "]"), Map.of());
            if (!(entries.get(i) instanceof Map<?, ?> m)) {
                throw slot.error(null, "expected a mapping with name and value");
            }
            YamlFields var = new YamlFields(e.file(), slot.path(), m);
            String varName = var.string("name");
            if (varName == null) {
                throw var.error("name", "missing; every exec env entry needs a name");
            }
            String value = var.string("value");
            env.put(varName, value == null ? "" : value);
        }
        String command = e.string("command");
        if (command != null && (command.indexOf('/') >= 0 || command.indexOf(java.io.File.separatorChar) >= 0)) {
            // client-go resolves a command containing a path separator against the kubeconfig's directory.
            command = e.resolve(command).toString();
        }
        return new ExecStanza(command, e.strings("args"), env, e.string("apiVersion"), e.string("interactiveMode"),
                e.optionalBool("provideClusterInfo"), e.string("installHint"));
    }

    private static Context context(String name, YamlFields c) {
        return new Context(name, c.file(), c.path(), c.string("cluster"), c.string("user"), c.string("namespace"));
    }
}
