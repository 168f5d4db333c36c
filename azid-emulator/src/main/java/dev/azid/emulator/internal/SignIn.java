package dev.azid.emulator.internal;

import dev.azid.emulator.EmulatorConfig.Tenant;
import dev.azid.emulator.EmulatorConfig.User;
import java.util.List;

/**
 * A user's completed sign-in that a grant redeems: who, in which tenant, for which scopes.
 *
 * @param user the user
 * @param tenant the tenant
 * @param scopes the scopes requested at sign-in (may be empty)
 */
record SignIn(User user, Tenant tenant, List<String> scopes) {
}
