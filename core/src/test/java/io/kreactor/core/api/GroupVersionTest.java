package io.kreactor.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GroupVersionTest {

    @ParameterizedTest(name = "{0} -> group ''{1}'', version {2}, prefix {3}")
    @CsvSource({
            "v1, '', v1, /api/v1",
            "apps/v1, apps, v1, /apis/apps/v1",
            "networking.k8s.io/v1, networking.k8s.io, v1, /apis/networking.k8s.io/v1",
            "stable.example.com/v1beta1, stable.example.com, v1beta1, /apis/stable.example.com/v1beta1"})
    void parsesApiVersionsAndServesTheirPaths(String apiVersion, String group, String version, String prefix) {
        GroupVersion gv = GroupVersion.parse(apiVersion);
        assertThat(gv).isEqualTo(new GroupVersion(group, version));
        assertThat(gv.pathPrefix()).isEqualTo(prefix);
        assertThat(gv.apiVersion()).isEqualTo(apiVersion);
        assertThat(gv.toString()).isEqualTo(apiVersion);
        assertThat(gv.isCore()).isEqualTo(group.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1", "apps/", "a/b/c", "/"})
    void rejectsMalformedApiVersionsNamingThem(String apiVersion) {
        assertThatThrownBy(() -> GroupVersion.parse(apiVersion))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + apiVersion + "'");
    }

    @Test
    void rejectsAnEmptyVersion() {
        assertThatThrownBy(() -> GroupVersion.parse("")).hasMessageContaining("version must not be empty");
    }

    @Test
    void groupVersionKindRendersAsClientGoDoes() {
        GroupVersionKind gvk = GroupVersionKind.of("apps/v1", "Deployment");
        assertThat(gvk).isEqualTo(new GroupVersionKind("apps", "v1", "Deployment"));
        assertThat(gvk.toString()).isEqualTo("apps/v1, Kind=Deployment");
        assertThat(gvk.apiVersion()).isEqualTo("apps/v1");
        assertThat(GroupVersionKind.of("v1", "Pod").groupVersion()).isEqualTo(GroupVersion.CORE_V1);
        assertThatThrownBy(() -> new GroupVersionKind("apps", "v1", "")).hasMessageContaining("Kind=");
    }

    @Test
    void groupVersionResourceBuildsCollectionPaths() {
        GroupVersionResource pods = GroupVersion.CORE_V1.withResource("pods");
        assertThat(pods.collectionPath("default")).isEqualTo("/api/v1/namespaces/default/pods");
        assertThat(pods.collectionPath(null)).isEqualTo("/api/v1/pods");
        assertThat(pods.collectionPath("")).isEqualTo("/api/v1/pods");
        GroupVersionResource deployments = GroupVersion.parse("apps/v1").withResource("deployments");
        assertThat(deployments.collectionPath("prod")).isEqualTo("/apis/apps/v1/namespaces/prod/deployments");
        assertThat(deployments.toString()).isEqualTo("apps/v1, Resource=deployments");
        assertThat(new GroupVersionResource("rbac.authorization.k8s.io", "v1", "clusterroles").collectionPath(null))
                .isEqualTo("/apis/rbac.authorization.k8s.io/v1/clusterroles");
        assertThatThrownBy(() -> new GroupVersionResource("", "v1", "")).hasMessageContaining("Resource=");
    }

    @Test
    void groupVersionSerializesWithoutDerivedProperties() throws Exception {
        assertThat(KubernetesJson.mapper().writeValueAsString(GroupVersion.CORE_V1)).isEqualTo("{\"group\":\"\",\"version\":\"v1\"}");
    }
}
