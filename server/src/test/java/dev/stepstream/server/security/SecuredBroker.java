package dev.stepstream.server.security;

import dev.stepstream.broker.EmbeddedBrokerConfig;
import dev.stepstream.broker.EmbeddedKafkaBroker;
import dev.stepstream.broker.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The embedded broker with a SASL_PLAINTEXT listener (PLAIN users engine, worker) and ACLs enforced
 * by the KRaft StandardAuthorizer. Its PLAINTEXT listener on localhost stays for the operator (and the
 * broker itself): its anonymous principal is the super user that grants the ACLs.
 */
final class SecuredBroker implements AutoCloseable {
  static final String ENGINE_PASSWORD = "engine-secret";
  static final String WORKER_PASSWORD = "worker-secret";

  final EmbeddedKafkaBroker broker;
  final String saslServers;
  private final Admin operator;
  private final List<AclBinding> acls = new ArrayList<>();

  SecuredBroker() {
    int saslPort = FreePorts.pick();
    saslServers = "localhost:" + saslPort;
    broker = EmbeddedKafkaBroker.start(EmbeddedBrokerConfig.ephemeral().withOverrides(Map.of(
        EmbeddedKafkaBroker.EXTRA_LISTENERS, "SASL://" + saslServers,
        "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL:SASL_PLAINTEXT",
        "sasl.enabled.mechanisms", "PLAIN",
        "listener.name.sasl.plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " user_engine=\"" + ENGINE_PASSWORD + "\" user_worker=\"" + WORKER_PASSWORD + "\";",
        "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
        "super.users", "User:ANONYMOUS",
        "allow.everyone.if.no.acl.found", "false")));
    operator = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }

  /** A client-properties file, as {@code --kafka-config} takes it, for {@code user}. */
  static Path clientConfig(Path dir, String user, String password) throws IOException {
    return Files.writeString(dir.resolve(user + ".properties"), String.join("\n",
        "security.protocol=SASL_PLAINTEXT",
        "sasl.mechanism=PLAIN",
        "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\",
        "  username=\"" + user + "\" password=\"" + password + "\";",
        ""));
  }

  SecuredBroker allow(String user, ResourceType type, String name, PatternType pattern, AclOperation... operations) {
    for (AclOperation operation : operations) {
      acls.add(new AclBinding(new ResourcePattern(type, name, pattern),
          new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)));
    }
    return this;
  }

  void applyAcls() throws Exception {
    operator.createAcls(acls).all().get();
  }

  @Override
  public void close() {
    operator.close();
    broker.close();
  }
}
