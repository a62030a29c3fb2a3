package dev.stepstream.processor.integrations;

import static dev.stepstream.processor.integrations.Calls.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTTP Task's request: URL with query, body encodings, headers and connection authentication. */
class HttpRequestsTest {
  private static final String ARN = "arn:aws:events:us-east-1:123456789012:connection/%s/81210c42-8af1-456b";
  private static final Map<String, HttpConnection> CONNECTIONS = Map.of(
      "Stripe", new HttpConnection("Stripe", HttpConnection.Type.API_KEY,
          Map.of("apiKeyName", "x-api-key", "apiKeyValue", "s3cret")),
      "Basic", new HttpConnection("Basic", HttpConnection.Type.BASIC, Map.of("username", "ann", "password", "pw")),
      "OAuth", new HttpConnection("OAuth", HttpConnection.Type.OAUTH_CLIENT_CREDENTIALS,
          Map.of("clientId", "id", "clientSecret", "cs", "tokenEndpoint", "http://127.0.0.1:1/token")));

  private static HttpRequests.HttpCall build(String parameters) {
    return HttpRequests.build(json(parameters), CONNECTIONS, c -> "token-of-" + c.name());
  }

  private static String header(HttpRequests.HttpCall call, String name) {
    return call.headers().stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Outgoing.Header::value)
        .findFirst().orElse(null);
  }

  @Test
  void shouldAppendUrlEncodedQueryParametersWithIndexedArraysByDefault() {
    HttpRequests.HttpCall call = build("""
        {"ApiEndpoint":"https://api.example.com/v1/customers","Method":"get",
         "QueryParameters":{"q":"a b&c","limit":10,"ids":["x","y"]}}""");

    assertThat(call.method()).isEqualTo("GET");
    assertThat(call.uri().toString())
        .isEqualTo("https://api.example.com/v1/customers?q=a+b%26c&limit=10&ids%5B0%5D=x&ids%5B1%5D=y");
    assertThat(call.body()).isNull();
  }

  @Test
  void shouldSendAJsonBodyAsJsonWithItsContentTypeAndAStringAsItIs() {
    HttpRequests.HttpCall json = build("""
        {"ApiEndpoint":"https://api.example.com","Method":"POST","RequestBody":{"order":7}}""");
    HttpRequests.HttpCall text = build("""
        {"ApiEndpoint":"https://api.example.com","Method":"POST","RequestBody":"plain",
         "Headers":{"Content-Type":"text/plain"}}""");

    assertThat(json.body()).isEqualTo("{\"order\":7}");
    assertThat(header(json, "Content-Type")).isEqualTo("application/json");
    assertThat(text.body()).isEqualTo("plain");
    assertThat(header(text, "Content-Type")).isEqualTo("text/plain");
  }

  @Test
  void shouldUrlEncodeTheBodyWithEachArrayFormat() {
    String template = """
        {"ApiEndpoint":"https://api.example.com","Method":"POST","RequestBody":{"a":["x","y"],"b":{"c":"d e"}},
         "Transform":{"RequestBodyEncoding":"URL_ENCODED","RequestEncodingOptions":{"ArrayFormat":"%s"}}}""";

    assertThat(build(template.formatted("INDICES")).body()).isEqualTo("a%5B0%5D=x&a%5B1%5D=y&b%5Bc%5D=d+e");
    assertThat(build(template.formatted("REPEAT")).body()).isEqualTo("a=x&a=y&b%5Bc%5D=d+e");
    assertThat(build(template.formatted("COMMAS")).body()).isEqualTo("a=x,y&b%5Bc%5D=d+e");
    assertThat(build(template.formatted("BRACKETS")).body()).isEqualTo("a%5B%5D=x&a%5B%5D=y&b%5Bc%5D=d+e");
    assertThat(header(build(template.formatted("REPEAT")), "Content-Type")).isEqualTo("application/x-www-form-urlencoded");
  }

  @Test
  void shouldAuthenticateWithTheNamedConnectionOfTheConnectionArn() {
    String template = """
        {"ApiEndpoint":"https://api.example.com","Method":"GET","Authentication":{"ConnectionArn":"%s"}}""";

    assertThat(header(build(template.formatted(ARN.formatted("Stripe"))), "x-api-key")).isEqualTo("s3cret");
    assertThat(header(build(template.formatted(ARN.formatted("Basic"))), "Authorization"))
        .isEqualTo("Basic " + Base64.getEncoder().encodeToString("ann:pw".getBytes()));
    assertThat(header(build(template.formatted(ARN.formatted("OAuth"))), "Authorization")).isEqualTo("Bearer token-of-OAuth");
  }

  @Test
  void shouldFailNamingTheConnectionWhenItIsNotConfigured() {
    assertThatThrownBy(() -> build("""
        {"ApiEndpoint":"https://api.example.com","Method":"GET","Authentication":{"ConnectionArn":"%s"}}"""
        .formatted(ARN.formatted("Missing"))))
        .isInstanceOf(IntegrationFailure.class)
        .hasMessageContaining("No HTTP connection named 'Missing'")
        .hasMessageContaining("stepstream.integrations.http.connection.Missing.type");
  }

  @Test
  void shouldRejectAnUnknownMethodABadEndpointAndANonObjectUrlEncodedBody() {
    assertThatThrownBy(() -> build("{\"ApiEndpoint\":\"https://a.example\",\"Method\":\"FETCH\"}"))
        .hasMessageContaining("The Method 'FETCH' must be one of");
    assertThatThrownBy(() -> build("{\"ApiEndpoint\":\"ftp://a.example\",\"Method\":\"GET\"}"))
        .hasMessageContaining("The ApiEndpoint 'ftp://a.example' is not a valid URL");
    assertThatThrownBy(() -> build("""
        {"ApiEndpoint":"https://a.example","Method":"POST","RequestBody":"x",
         "Transform":{"RequestBodyEncoding":"URL_ENCODED"}}"""))
        .hasMessageContaining("must be an object when RequestBodyEncoding is URL_ENCODED");
  }

  @Test
  void shouldMapAConnectionArnToItsName() {
    assertThat(HttpRequests.connectionName(ARN.formatted("Stripe"))).isEqualTo("Stripe");
    assertThat(HttpRequests.connectionName("Stripe")).isEqualTo("Stripe");
  }

  @Test
  void shouldKeepSecretsOutOfAConnectionsText() {
    assertThat(CONNECTIONS.get("Stripe").toString()).doesNotContain("s3cret").contains("Stripe", "API_KEY");
  }
}
