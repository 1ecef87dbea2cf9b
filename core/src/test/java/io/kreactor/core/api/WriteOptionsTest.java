package io.kreactor.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class WriteOptionsTest {

    @Test
    void defaultOptionsSendNoParameters() {
        assertThat(GetOptions.DEFAULT.toQueryParameters()).isEmpty();
        assertThat(CreateOptions.DEFAULT.toQueryParameters()).isEmpty();
        assertThat(UpdateOptions.DEFAULT.toQueryParameters()).isEmpty();
        assertThat(PatchOptions.DEFAULT.toQueryParameters()).isEmpty();
        assertThat(DeleteOptions.DEFAULT.toQueryParameters()).isEmpty();
    }

    @Test
    void getOptionsSendResourceVersion() {
        assertThat(GetOptions.DEFAULT.withResourceVersion("0").toQueryParameters()).containsExactly(entry("resourceVersion", "0"));
        assertThat(GetOptions.DEFAULT.withResourceVersion("0").withResourceVersion(null).toQueryParameters()).isEmpty();
    }

    @Test
    void createOptionsSendDryRunAllFieldManagerAndFieldValidationInOrder() {
        CreateOptions o = CreateOptions.DEFAULT.withFieldValidation(FieldValidation.STRICT).withFieldManager("kreactor").withDryRun(true);
        assertThat(o.toQueryParameters()).containsExactly(
                entry("dryRun", "All"), entry("fieldManager", "kreactor"), entry("fieldValidation", "Strict"));
    }

    @Test
    void updateOptionsSendTheSameParametersAsCreate() {
        UpdateOptions o = UpdateOptions.DEFAULT.withDryRun(true).withFieldManager("ctl").withFieldValidation(FieldValidation.IGNORE);
        assertThat(o.toQueryParameters()).containsExactly(
                entry("dryRun", "All"), entry("fieldManager", "ctl"), entry("fieldValidation", "Ignore"));
    }

    @Test
    void dryRunFalseSendsNothing() {
        assertThat(CreateOptions.DEFAULT.withDryRun(false).toQueryParameters()).isEmpty();
        assertThat(UpdateOptions.DEFAULT.withDryRun(true).withDryRun(false).toQueryParameters()).isEmpty();
    }

    @Test
    void withCopiesLeaveTheOriginalUnchanged() {
        CreateOptions original = CreateOptions.DEFAULT.withFieldManager("a");
        CreateOptions changed = original.withFieldManager("b");
        assertThat(original.fieldManager()).isEqualTo("a");
        assertThat(changed.fieldManager()).isEqualTo("b");
    }

    @Test
    void patchOptionsSendForceAndWarnValidation() {
        PatchOptions o = PatchOptions.forApply("my-controller").withForce(true).withFieldValidation(FieldValidation.WARN).withDryRun(true);
        assertThat(o.toQueryParameters()).containsExactly(
                entry("dryRun", "All"), entry("fieldManager", "my-controller"), entry("force", "true"), entry("fieldValidation", "Warn"));
    }

    @Test
    void forceIsRejectedForPatchTypesOtherThanApply() {
        PatchOptions forced = PatchOptions.DEFAULT.withFieldManager("m").withForce(false);
        for (PatchType type : new PatchType[] {PatchType.JSON, PatchType.MERGE, PatchType.STRATEGIC_MERGE}) {
            assertThatThrownBy(() -> forced.checkCompatibleWith(type))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("force is only allowed for apply patches")
                    .hasMessageContaining(type.name());
        }
        assertThat(forced.checkCompatibleWith(PatchType.APPLY)).isSameAs(forced);
    }

    @Test
    void applyWithoutFieldManagerIsRejected() {
        assertThatThrownBy(() -> PatchOptions.DEFAULT.checkCompatibleWith(PatchType.APPLY))
                .hasMessageContaining("apply patch requires a fieldManager");
        assertThatThrownBy(() -> PatchOptions.forApply(""))
                .hasMessageContaining("non-empty fieldManager");
        assertThat(PatchOptions.DEFAULT.checkCompatibleWith(PatchType.MERGE).toQueryParameters()).isEmpty();
    }

    @Test
    void fieldManagerLongerThan128BytesIsRejectedNamingIt() {
        String tooLong = "m".repeat(129);
        assertThatThrownBy(() -> CreateOptions.DEFAULT.withFieldManager(tooLong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(tooLong)
                .hasMessageContaining("128 bytes");
        assertThat(CreateOptions.DEFAULT.withFieldManager("m".repeat(128)).fieldManager()).hasSize(128);
    }

    @Test
    void fieldManagerWithControlCharacterIsRejected() {
        assertThatThrownBy(() -> PatchOptions.DEFAULT.withFieldManager("bad\nmanager"))
                .hasMessageContaining("printable");
    }

    @Test
    void fieldValidationAndPropagationPolicyParseOnlyTheirWireValues() {
        for (FieldValidation v : FieldValidation.values()) {
            assertThat(FieldValidation.fromValue(v.value())).isSameAs(v);
        }
        for (PropagationPolicy p : PropagationPolicy.values()) {
            assertThat(PropagationPolicy.fromValue(p.value())).isSameAs(p);
        }
        assertThatThrownBy(() -> FieldValidation.fromValue("strict"))
                .hasMessageContaining("'strict'")
                .hasMessageContaining("Ignore, Warn, Strict");
        assertThatThrownBy(() -> PropagationPolicy.fromValue("Cascade"))
                .hasMessageContaining("'Cascade'")
                .hasMessageContaining("Orphan, Background, Foreground");
    }
}
