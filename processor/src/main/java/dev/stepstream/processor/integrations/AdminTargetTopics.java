package dev.stepstream.processor.integrations;

import dev.stepstream.processor.topics.TopicProvisioner;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Target topics through the admin client: known ones are remembered, missing ones created when allowed. */
final class AdminTargetTopics implements Call.TargetTopics {
  private final TopicProvisioner provisioner;
  private final IntegrationSettings settings;
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  AdminTargetTopics(TopicProvisioner provisioner, IntegrationSettings settings) {
    this.provisioner = provisioner;
    this.settings = settings;
  }

  @Override
  public boolean ensure(String topic) {
    if (known.contains(topic)) {
      return true;
    }
    if (provisioner.existingTopics().contains(topic)) {
      known.add(topic);
      return true;
    }
    if (!settings.createTopics()) {
      return false;
    }
    provisioner.ensurePlainTopics(List.of(topic), settings.partitions());
    known.add(topic);
    return true;
  }
}
