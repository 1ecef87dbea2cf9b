package io.kreactor.clientset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.core.config.ClientConfig;
import io.kreactor.rest.resource.ResourceDescriptor;
import io.kreactor.rest.resource.ResourceDescriptor.Scope;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated accessors: client-go's names and shapes, scope and plurals from the fabric8 models. */
class GeneratedClientSetTest {

    private KubernetesClientSet clients;

    @BeforeEach
    void create() {
        clients = KubernetesClientSet.create(ClientConfig.builder("http://127.0.0.1:1").build());
    }

    @AfterEach
    void dispose() {
        clients.dispose();
        assertThat(clients.isDisposed()).isTrue();
    }

    @Test
    void accessorsFollowClientGoNamesAndBindTheNamespace() {
        assertThat(clients.coreV1().pods("default").descriptor().gvr()).isEqualTo(new GroupVersionResource("", "v1", "pods"));
        assertThat(clients.coreV1().pods("default").namespace()).isEqualTo("default");
        assertThat(clients.coreV1().pods().namespace()).isNull();
        assertThat(clients.coreV1().nodes().descriptor().scope()).isEqualTo(Scope.CLUSTER);
        assertThat(clients.appsV1().deployments("prod").descriptor())
                .isEqualTo(ResourceDescriptor.namespaced("apps", "v1", "deployments", "Deployment"));
        assertThat(clients.coreV1().persistentVolumeClaims("x").descriptor().gvr().resource()).isEqualTo("persistentvolumeclaims");
        assertThat(clients.networkingV1().networkPolicies("x").descriptor().kind()).isEqualTo("NetworkPolicy");
        assertThat(clients.storageV1().csiDrivers().descriptor().gvr().resource()).isEqualTo("csidrivers");
        assertThat(clients.rbacV1().clusterRoles().descriptor().gvr().group()).isEqualTo("rbac.authorization.k8s.io");
        assertThat(clients.coreV1().pods("x").objectType().getRawClass()).isEqualTo(Pod.class);
    }

    @Test
    void everyBuiltInGroupTheModelsCoverHasAnAccessor() {
        Set<String> accessors = Arrays.stream(BuiltinApiGroups.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 0 && !m.getName().equals("restClient"))
                .map(Method::getName).collect(Collectors.toSet());
        assertThat(accessors).contains("coreV1", "appsV1", "batchV1", "autoscalingV1", "autoscalingV2", "networkingV1", "policyV1",
                "rbacV1", "storageV1", "coordinationV1", "discoveryV1", "eventsV1", "nodeV1", "schedulingV1", "certificatesV1",
                "admissionregistrationV1", "apiextensionsV1", "flowcontrolV1", "resourceV1beta1");
        assertThat(clients.eventsV1().events("x").descriptor().gvr().group()).isEqualTo("events.k8s.io");
        assertThat(clients.coreV1().events("x").descriptor().gvr().group()).isEmpty();
    }

    @Test
    void createOnlyReviewKindsHaveAccessorsToo() {
        assertThat(clients.authenticationV1().tokenReviews().descriptor())
                .isEqualTo(ResourceDescriptor.clusterScoped("authentication.k8s.io", "v1", "tokenreviews", "TokenReview"));
        assertThat(clients.authorizationV1().subjectAccessReviews().descriptor().gvr().resource()).isEqualTo("subjectaccessreviews");
        assertThat(clients.authorizationV1().localSubjectAccessReviews("team-a").descriptor().scope()).isEqualTo(Scope.NAMESPACED);
        assertThat(clients.authorizationV1().selfSubjectRulesReviews().descriptor().kind()).isEqualTo("SelfSubjectRulesReview");
    }

    @Test
    void builtinResourcesMapEveryModelClassToItsDescriptor() {
        assertThat(BuiltinResources.all()).hasSizeGreaterThan(100);
        assertThat(BuiltinResources.forClass(ConfigMap.class)).contains(ResourceDescriptor.namespaced("", "v1", "configmaps", "ConfigMap"));
        assertThat(BuiltinResources.forClass(ClusterRole.class).orElseThrow().scope()).isEqualTo(Scope.CLUSTER);
        assertThat(BuiltinResources.forClass(NetworkPolicy.class).orElseThrow().gvr().resource()).isEqualTo("networkpolicies");
        assertThat(BuiltinResources.forClass(String.class)).isEmpty();
        assertThat(BuiltinResources.all().values()).allSatisfy(d -> {
            assertThat(d.kind()).isNotEmpty();
            assertThat(d.listKind()).isEqualTo(d.kind() + "List");
            assertThat(d.scope()).isNotEqualTo(Scope.UNKNOWN);
        });
    }

    @Test
    void resourcesOfABuiltInClassUseTheGeneratedDescriptor() {
        assertThat(clients.resources(Deployment.class).descriptor()).isEqualTo(clients.appsV1().deployments().descriptor());
    }

    @Test
    void classWithoutDescriptionIsRejectedWithItsName() {
        assertThatThrownBy(() -> clients.resources(StringBuilder.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.StringBuilder")
                .hasMessageContaining("@Group and @Version");
    }
}
