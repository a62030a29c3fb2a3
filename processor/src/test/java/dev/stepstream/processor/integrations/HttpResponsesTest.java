package dev.stepstream.processor.integrations;

import static dev.stepstream.processor.integrations.Calls.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The HTTP Task's result and error names, as AWS shapes them. */
class HttpResponsesTest {

  @Test
  void shouldReturnAParsedJsonBodyWithStatusAndHeaderLists() {
    Outcome outcome = HttpResponses.outcome(200, Map.of("Content-Type", List.of("application/json; charset=utf-8")),
        "{\"id\":\"cus_1\"}");

    assertThat(outcome).isInstanceOf(Outcome.Succeeded.class);
    assertThat(((Outcome.Succeeded) outcome).output()).isEqualTo(json("""
        {"ResponseBody":{"id":"cus_1"},"StatusCode":"200","StatusText":"OK",
         "Headers":{"content-type":["application/json; charset=utf-8"]}}"""));
  }

  @Test
  void shouldReturnANonJsonBodyAsAString() {
    Outcome.Succeeded outcome = (Outcome.Succeeded) HttpResponses.outcome(201,
        Map.of("content-type", List.of("text/plain")), "{\"looks\":\"like json\"}");

    assertThat(outcome.output().get("ResponseBody").isTextual()).isTrue();
    assertThat(outcome.output().get("StatusText").asText()).isEqualTo("Created");
  }

  @Test
  void shouldFailWithTheStatusCodeErrorAndTheResponseAsCauseWhenNot2xx() {
    Outcome outcome = HttpResponses.outcome(404, Map.of("content-type", List.of("application/json")),
        "{\"error\":\"no such customer\"}");

    assertThat(outcome).isInstanceOf(Outcome.Failed.class);
    Outcome.Failed failed = (Outcome.Failed) outcome;
    assertThat(failed.error()).isEqualTo("States.Http.StatusCode.404");
    assertThat(json(failed.cause())).isEqualTo(json("""
        {"ResponseBody":{"error":"no such customer"},"StatusCode":"404","StatusText":"Not Found",
         "Headers":{"content-type":["application/json"]}}"""));
  }

  @Test
  void shouldFailWithSocketOnTimeoutAndRefusedConnections() {
    Outcome.Failed timeout = HttpResponses.socket(new HttpTimeoutException("request timed out"), "api.example.com", 60);
    Outcome.Failed refused = HttpResponses.socket(new ConnectException(), "api.example.com", 60);

    assertThat(timeout.error()).isEqualTo("States.Http.Socket");
    assertThat(timeout.cause()).isEqualTo("The HTTP request to api.example.com timed out after 60 seconds.");
    assertThat(refused.error()).isEqualTo("States.Http.Socket");
    assertThat(refused.cause()).contains("ConnectException");
  }

  @Test
  void shouldReadConnectionsPoolAndTimeoutFromProperties() {
    Properties p = new Properties();
    p.setProperty("stepstream.integrations.http.threads", "2");
    p.setProperty("stepstream.integrations.http.timeoutSeconds", "5");
    p.setProperty("stepstream.integrations.http.connection.Stripe.type", "API_KEY");
    p.setProperty("stepstream.integrations.http.connection.Stripe.apiKeyName", "x-api-key");
    p.setProperty("stepstream.integrations.http.connection.Stripe.apiKeyValue", "s3cret");

    HttpSettings settings = HttpSettings.fromProperties(p);

    assertThat(settings.threads()).isEqualTo(2);
    assertThat(settings.timeout().toSeconds()).isEqualTo(5);
    assertThat(settings.connections().get("Stripe").field("apiKeyValue")).isEqualTo("s3cret");
    assertThat(settings.toString()).doesNotContain("s3cret");
  }
}
