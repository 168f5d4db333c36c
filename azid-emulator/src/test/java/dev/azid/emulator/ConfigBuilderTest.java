package dev.azid.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The config records' builders: defaults, copies, and one changed field. */
class ConfigBuilderTest {

    @Test
    void toBuilder_build_isEqual_atEveryLevel() {
        EmulatorConfig d = EmulatorConfig.defaults();
        assertThat(d.toBuilder().build()).isEqualTo(d);
        EmulatorConfig.Tenant t = d.tenants().get(0);
        assertThat(t.toBuilder().build()).isEqualTo(t);
        assertThat(t.applications().get(0).toBuilder().build()).isEqualTo(t.applications().get(0));
        assertThat(t.users().get(1).toBuilder().build()).isEqualTo(t.users().get(1));
    }

    @Test
    void builders_defaults_areEmptyAndSafe() {
        EmulatorConfig.Application app = EmulatorConfig.Application.builder("app").build();
        assertThat(app.secrets()).isEmpty();
        assertThat(app.multiTenant()).isFalse();
        assertThat(app.displayName()).isEmpty();
        EmulatorConfig.User user = EmulatorConfig.User.builder("u@x", "pw").build();
        assertThat(user.objectId()).isEqualTo(EmulatorConfig.User.builder("u@x", "other").build().objectId());
        assertThat(user.mfaRequired()).isFalse();
        assertThat(EmulatorConfig.Resource.builder("api://x", "id").build().accessTokenVersion()).isEqualTo(1);
        assertThat(EmulatorConfig.builder().build().tokenLifetimeSeconds()).isEqualTo(3599);
        assertThatThrownBy(() -> EmulatorConfig.builder().tokenLifetimeSeconds(5).build())
                .hasMessageContaining("tokenLifetimeSeconds");
    }

    @Test
    void oneChangedField_keepsTheRest() {
        EmulatorConfig d = EmulatorConfig.defaults();
        EmulatorConfig.Tenant t = d.tenants().get(0);
        EmulatorConfig.Application app = t.applications().get(0).toBuilder().certificates(List.of("PEM")).build();
        EmulatorConfig changed = d.toBuilder().tenants(List.of(t.toBuilder().applications(List.of(app)).build())).build();
        EmulatorConfig.Application after = changed.tenants().get(0).applications().get(0);
        assertThat(after.certificates()).containsExactly("PEM");
        assertThat(after.secrets()).isEqualTo(t.applications().get(0).secrets());
        assertThat(after.federatedCredentials()).isEqualTo(t.applications().get(0).federatedCredentials());
        assertThat(changed.resources()).isEqualTo(d.resources());
    }
}
