package com.offerpulse.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.offerpulse.admin.acls.AclPlan;
import com.offerpulse.admin.acls.ServiceAccess;

/** {@code acls apply} on a broker with an authorizer: the cluster ends up with exactly the plan, and again is a no-op. */
class AclsApplyIT {

    @Test
    void shouldCreateExactlyThePlannedAclsAndStayIdempotent(@TempDir Path dir) throws Exception {
        try (AuthorizedBroker broker = AuthorizedBroker.start(dir);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers()))) {
            Set<AclBinding> planned = new HashSet<>();
            AclPlan.rules(ServiceAccess.ALL).forEach(r -> planned.add(r.binding()));

            Cli apply = Cli.run("acls", "apply", "--bootstrap", broker.bootstrapServers());
            assertThat(apply.exit()).as(apply.err()).isZero();
            assertThat(apply.out()).contains(planned.size() + " ACLs applied");
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get())).isEqualTo(planned));

            Cli again = Cli.run("acls", "apply", "--bootstrap", broker.bootstrapServers());
            assertThat(again.exit()).isZero();
            assertThat(new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get())).isEqualTo(planned);
        }
    }
}
