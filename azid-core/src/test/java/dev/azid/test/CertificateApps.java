package dev.azid.test;

import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EmulatorConfigBuilder;
import java.util.List;

/** Emulator configurations with an application that authenticates with a test certificate. */
public final class CertificateApps {

    private CertificateApps() {
    }

    /**
     * The emulator's defaults with one directory, the default one, holding an application more.
     *
     * @param appId the application's client id
     * @param displayName its display name
     * @param certs whose certificate it authenticates with
     * @return a builder holding that configuration, to change more of it
     */
    public static EmulatorConfigBuilder inDefaultDirectory(String appId, String displayName, TestCertificates certs) {
        EmulatorConfig d = EmulatorConfig.defaults();
        EmulatorConfig.Tenant tenant = d.tenants().get(0).toBuilder().addApplication(EmulatorConfig.Application
                .builder(appId).displayName(displayName).certificates(List.of(certs.certificatePem())).build()).build();
        return d.toBuilder().tenants(List.of(tenant));
    }
}
