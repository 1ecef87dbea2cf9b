package io.kreactor.testing.server;

import java.net.URI;

/** Renders the kubeconfig of an embedded server: one cluster, one context, a user without credentials. */
final class Kubeconfigs {

    static final String NAME = "kreactor-embedded";

    private Kubeconfigs() {
    }

    static String render(URI server, String namespace) {
        return "apiVersion: v1\n"
                + "kind: Config\n"
                + "clusters:\n"
                + "- name: " + NAME + "\n"
                + "  cluster:\n"
                + "    server: " + server + "\n"
                + "contexts:\n"
                + "- name: " + NAME + "\n"
                + "  context:\n"
                + "    cluster: " + NAME + "\n"
                + "    user: " + NAME + "\n"
                + "    namespace: " + namespace + "\n"
                + "current-context: " + NAME + "\n"
                + "users:\n"
                + "- name: " + NAME + "\n"
                + "  user: {}\n"
                + "preferences: {}\n";
    }
}
