package dev.stepstream.server.api.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.processor.ExecutionOwner;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;

/** Where a query goes while instances come and go, and how long it may wait. */
class OwnerRouterTest {
  private static final Duration WINDOW = Duration.ofSeconds(5);
  private static final ExecutionOwner.There DEAD = new ExecutionOwner.There("10.0.0.3", 8083);
  private static final ExecutionOwner.There NEW_OWNER = new ExecutionOwner.There("10.0.0.2", 8083);

  private final AtomicReference<ExecutionOwner> owner = new AtomicReference<>(DEAD);
  private final AtomicInteger ownerLookups = new AtomicInteger();
  private final List<String> asked = new ArrayList<>();
  private final OwnerRouter router = new OwnerRouter(key -> {
    ownerLookups.incrementAndGet();
    return owner.get();
  }, WINDOW, Duration.ofSeconds(30));

  private String ask(String host, int port) {
    asked.add(host + ":" + port);
    if (host.equals(DEAD.host())) {
      throw new PeerClient.PeerUnreachableException("refused", new ConnectException("Connection refused"));
    }
    return "answer from " + host;
  }

  @Test
  void shouldGiveUpAtOnceWhenTheOwnerCannotBeReachedInsteadOfWaitingTheWindow() {
    long started = System.nanoTime();

    Optional<String> answer = router.route("arn", () -> "local", this::ask);

    assertThat(answer).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WINDOW.dividedBy(2));
    assertThat(asked).containsExactly("10.0.0.3:8083");
    assertThat(ownerLookups.get()).as("the owner is looked up again after the failure").isEqualTo(2);
  }

  @Test
  void shouldNotAskAPeerKnownToBeDownAgainWhileTheMetadataStillNamesIt() {
    router.route("arn-1", () -> "local", this::ask);

    Optional<String> second = router.route("arn-2", () -> "local", this::ask);

    assertThat(second).isEmpty();
    assertThat(asked).as("one connection attempt for both queries").hasSize(1);
  }

  @Test
  void shouldAskTheNewOwnerOnceTheMetadataMovedTheKey() {
    router.route("arn", () -> "local", this::ask);
    owner.set(NEW_OWNER);

    assertThat(router.route("arn", () -> "local", this::ask)).contains("answer from 10.0.0.2");
  }

  @Test
  void shouldFollowAMoveThatHappensBetweenTheFailureAndTheNextLookup() {
    OwnerRouter moving = new OwnerRouter(key -> ownerLookups.getAndIncrement() == 0 ? DEAD : NEW_OWNER, WINDOW,
        Duration.ofSeconds(30));

    assertThat(moving.route("arn", () -> "local", this::ask)).contains("answer from 10.0.0.2");
    assertThat(asked).containsExactly("10.0.0.3:8083", "10.0.0.2:8083");
  }

  @Test
  void shouldAskADownPeerAgainOnceItsDownTimeIsOver() throws InterruptedException {
    OwnerRouter shortMemory = new OwnerRouter(key -> DEAD, Duration.ZERO, Duration.ofMillis(100));
    shortMemory.route("arn", () -> "local", this::ask);
    Thread.sleep(300);

    shortMemory.route("arn", () -> "local", this::ask);

    assertThat(asked).hasSize(2);
  }

  @Test
  void shouldRetryWithinTheWindowWhileTheOwnersStoresAreMoving() {
    AtomicInteger tries = new AtomicInteger();
    OwnerRouter router = new OwnerRouter(key -> NEW_OWNER, WINDOW, Duration.ofSeconds(30));

    Optional<String> answer = router.route("arn", () -> "local", (host, port) -> {
      if (tries.incrementAndGet() < 3) {
        throw new PeerClient.PeerUnavailableException("HTTP 503", null);
      }
      return "restored";
    });

    assertThat(answer).contains("restored");
    assertThat(tries.get()).isEqualTo(3);
  }

  @Test
  void shouldRetryWhileNobodyOwnsTheKeyAndAnswerLocallyOnceItIsHere() {
    AtomicInteger lookups = new AtomicInteger();
    OwnerRouter router = new OwnerRouter(key -> lookups.incrementAndGet() < 3
        ? new ExecutionOwner.Unknown("rebalancing") : ExecutionOwner.HERE, WINDOW, Duration.ofSeconds(30));

    assertThat(router.route("arn", () -> "local", this::ask)).contains("local");
    assertThat(asked).isEmpty();
  }

  @Test
  void shouldGiveUpAfterTheWindowWhileTheLocalStoresStayUnavailable() {
    OwnerRouter router = new OwnerRouter(key -> ExecutionOwner.HERE, Duration.ofMillis(200), Duration.ofSeconds(30));

    Optional<String> answer = router.route("arn", () -> {
      throw new InvalidStateStoreException("restoring");
    }, this::ask);

    assertThat(answer).isEmpty();
  }
}
