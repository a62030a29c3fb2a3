package dev.stepstream.asl.path;

import static dev.stepstream.asl.testing.JsonFixtures.context;
import static dev.stepstream.asl.testing.JsonFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.InvalidExpressionException;
import dev.stepstream.asl.eval.PathExpression;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPathExpressionsTest {
  private static final JsonNode STORE = json("{'store': {"
      + "'book': ["
      + "{'category': 'reference', 'author': 'Nigel Rees', 'title': 'Sayings of the Century', 'price': 8.95},"
      + "{'category': 'fiction', 'author': 'Evelyn Waugh', 'title': 'Sword of Honour', 'price': 12.99},"
      + "{'category': 'fiction', 'author': 'Herman Melville', 'title': 'Moby Dick', 'isbn': '0-553-21311-3', 'price': 8.99},"
      + "{'category': 'fiction', 'author': 'J. R. R. Tolkien', 'title': 'The Lord of the Rings', 'isbn': '0-395-19395-8', 'price': 22.99}],"
      + "'bicycle': {'color': 'red', 'price': 19.95}},"
      + "'odd key': {'a.b': 1, 'x]y': 2}}");

  private static JsonNode eval(String path) throws InvalidExpressionException {
    return JsonPathExpressions.path(path).evaluate(context(STORE));
  }

  @Test
  void shouldReturnTheInputItselfForDollar() throws Exception {
    assertThat(eval("$")).isSameAs(STORE);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "$.store.book[0].title | 'Sayings of the Century'",
      "$['store']['book'][1]['title'] | 'Sword of Honour'",
      "$[\"store\"].bicycle.color | 'red'",
      "$.store.book[-1].author | 'J. R. R. Tolkien'",
      "$['odd key']['a.b'] | 1",
      "$['odd key']['x]y'] | 2",
      "$.store.bicycle | {'color': 'red', 'price': 19.95}"})
  void shouldSelectOneNodeWithDefinitePaths(String path, String expected) throws Exception {
    assertThat(JsonPathExpressions.path(path).definite()).isTrue();
    assertThat(eval(path)).isEqualTo(json(expected));
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
      "$.store.book[*].author => ['Nigel Rees', 'Evelyn Waugh', 'Herman Melville', 'J. R. R. Tolkien']",
      "$.store.bicycle.* => ['red', 19.95]",
      "$..color => ['red']",
      "$..book[2].title => ['Moby Dick']",
      "$.store..price => [8.95, 12.99, 8.99, 22.99, 19.95]",
      "$.store.book[0:2].price => [8.95, 12.99]",
      "$.store.book[-2:].price => [8.99, 22.99]",
      "$.store.book[:1].price => [8.95]",
      "$.store.book[0,3].price => [8.95, 22.99]",
      "$.store.bicycle['color','price'] => ['red', 19.95]",
      "$.store.book[?(@.price < 10)].title => ['Sayings of the Century', 'Moby Dick']",
      "$.store.book[?(@.isbn)].title => ['Moby Dick', 'The Lord of the Rings']",
      "$.store.book[?(!@.isbn)].price => [8.95, 12.99]",
      "$.store.book[?(@.category == 'fiction' && @.price > 20)].title => ['The Lord of the Rings']",
      "$.store.book[?(@.price <= 8.95 || @.author == \"Evelyn Waugh\")].price => [8.95, 12.99]",
      "$.store.book[?(@.price >= 22.99)].price => [22.99]",
      "$.store.book[?(@.category != 'fiction')].price => [8.95]",
      "$.store.book[?(@.price > $.store.bicycle.price)].price => [22.99]",
      "$.store.book[?((@.price < 9) && @.isbn)].price => [8.99]"})
  void shouldCollectMatchesOfIndefinitePathsIntoAnArray(String path, String expected) throws Exception {
    assertThat(JsonPathExpressions.path(path).definite()).isFalse();
    assertThat(eval(path)).isEqualTo(json(expected));
  }

  @Test
  void shouldReturnMissingNodeWhenDefinitePathMatchesNothing() throws Exception {
    assertThat(eval("$.store.car").isMissingNode()).isTrue();
    assertThat(eval("$.store.book[9]").isMissingNode()).isTrue();
    assertThat(eval("$.store.bicycle.color.shade").isMissingNode()).isTrue();
  }

  @Test
  void shouldReturnEmptyArrayWhenIndefinitePathMatchesNothing() throws Exception {
    assertThat(eval("$.store.car[*]")).isEqualTo(json("[]"));
    assertThat(eval("$.store.book[?(@.price > 100)]")).isEqualTo(json("[]"));
  }

  @Test
  void shouldUnescapeQuotesInBracketNames() throws Exception {
    JsonNode input = dev.stepstream.asl.testing.JsonFixtures.parse("{\"it's\": 1, \"say \\\"hi\\\"\": 2}");
    assertThat(JsonPathExpressions.path("$['it\\'s']").evaluate(context(input))).isEqualTo(json("1"));
    assertThat(JsonPathExpressions.path("$[\"say \\\"hi\\\"\"]").evaluate(context(input))).isEqualTo(json("2"));
  }

  @Test
  void shouldTreatJsonNullAsFound() throws Exception {
    JsonNode input = json("{'a': null}");
    assertThat(JsonPathExpressions.path("$.a").evaluate(context(input)).isNull()).isTrue();
  }

  @Test
  void shouldReadTheContextObjectWithDoubleDollar() throws Exception {
    EvalContext ctx = context(json("{}"), json("{'Execution': {'Id': 'arn:exec'}, 'Map': {'Item': {'Index': 3}}}"), Map.of());
    assertThat(JsonPathExpressions.path("$$.Execution.Id").evaluate(ctx)).isEqualTo(json("'arn:exec'"));
    assertThat(JsonPathExpressions.path("$$.Map.Item.Index").evaluate(ctx)).isEqualTo(json("3"));
    assertThat(JsonPathExpressions.path("$$").evaluate(ctx)).isSameAs(ctx.context());
  }

  @Test
  void shouldReadVariablesByName() throws Exception {
    EvalContext ctx = context(json("{'x': 1}"), json("{}"),
        Map.of("order", json("{'items': [{'sku': 'a1'}]}"), "count_2", json("5")));
    assertThat(JsonPathExpressions.path("$order.items[0].sku").evaluate(ctx)).isEqualTo(json("'a1'"));
    assertThat(JsonPathExpressions.path("$count_2").evaluate(ctx)).isEqualTo(json("5"));
    assertThat(JsonPathExpressions.path("$missing.x").evaluate(ctx).isMissingNode()).isTrue();
    assertThat(JsonPathExpressions.path("$missing[*]").evaluate(ctx)).isEqualTo(json("[]"));
  }

  @Test
  void shouldKeepTheTextAsWritten() throws Exception {
    assertThat(JsonPathExpressions.path("$.a['b c'][0]").text()).isEqualTo("$.a['b c'][0]");
  }

  @Test
  void shouldRenderTheNormalizedFormAwsPrintsInCauses() throws Exception {
    assertThat(JsonPathExpressions.normalized(JsonPathExpressions.path("$.a.b[0]"))).isEqualTo("$['a']['b'][0]");
    assertThat(JsonPathExpressions.normalized(JsonPathExpressions.path("$$.Execution.Id")))
        .isEqualTo("$$['Execution']['Id']");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "`` | a path must start with '$' but found the end of the path at column 1",
      "a.b | a path must start with '$' but found 'a' at column 1",
      "$. | expected a field name but found the end of the path at column 3",
      "$.a b | unexpected character ' ' at column 4",
      "$[ | unexpected the end of the path after '[' at column 3",
      "$['a' | expected ']' but found the end of the path at column 6",
      "$['a | unterminated quoted name at column 5",
      "$[x] | unexpected 'x' after '[' at column 3",
      "$[?(@.a <)] | expected '@', '$' or a literal in filter but found ')' at column 10",
      "$[?(1)] | expected a comparison operator but found ')' at column 6",
      "$[99999999999] | integer '99999999999' is out of range at column 3"})
  void shouldRejectInvalidPathsNamingProblemAndColumn(String path, String problem) {
    assertThatThrownBy(() -> JsonPathExpressions.path(path))
        .isInstanceOfSatisfying(InvalidExpressionException.class, e -> {
          assertThat(e.code()).isEqualTo("INVALID_JSON_PATH");
          assertThat(e.getMessage()).isEqualTo("Invalid JSONPath '" + path + "': " + problem);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"$.a", "$['a']", "$.a[0]", "$.a[-1]", "$$.Execution.Input", "$var.field"})
  void shouldReportDefinitePaths(String path) throws Exception {
    PathExpression compiled = JsonPathExpressions.path(path);
    assertThat(compiled.definite()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"$.a[*]", "$.a.*", "$..a", "$.a[0:1]", "$.a[0,1]", "$['a','b']", "$.a[?(@.b)]"})
  void shouldReportIndefinitePaths(String path) throws Exception {
    assertThat(JsonPathExpressions.path(path).definite()).isFalse();
  }
}
