package dev.stepstream.server.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Patterns and events from the EventBridge user guide's "Event patterns" pages, in single quotes for CSV. */
class EventPatternTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static boolean matches(String pattern, String event) {
    return EventPattern.compile(json(pattern)).matches(json(event));
  }

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      // exact values, AND across fields, OR within an array
      "{}                                         | {'a': 1}                         | true",
      "{'source': ['aws.ec2']}                    | {'source': 'aws.ec2'}            | true",
      "{'source': ['aws.ec2']}                    | {'source': 'aws.s3'}             | false",
      "{'source': ['aws.ec2', 'aws.s3']}          | {'source': 'aws.s3'}             | true",
      "{'a': ['x'], 'b': [1]}                     | {'a': 'x', 'b': 2}               | false",
      "{'a': ['x'], 'b': [1]}                     | {'a': 'x', 'b': 1}               | true",
      "{'n': [5]}                                 | {'n': 5.0}                       | true",
      "{'n': ['5']}                               | {'n': 5}                         | false",
      "{'n': [null]}                              | {'n': null}                      | true",
      "{'n': [null]}                              | {}                               | false",
      "{'n': [true]}                              | {'n': true}                      | true",
      "{'a': ['x']}                               | {}                               | false",
      // nested objects and arrays in the event
      "{'detail': {'state': ['running']}}         | {'detail': {'state': 'running'}} | true",
      "{'detail': {'state': ['running']}}         | {'detail': 'running'}            | false",
      "{'tags': ['blue']}                         | {'tags': ['red', 'blue']}        | true",
      "{'tags': ['green']}                        | {'tags': ['red', 'blue']}        | false",
      "{'items': {'sku': ['A1']}}                 | {'items': [{'sku': 'B'}, {'sku': 'A1'}]} | true",
      "{'a': ['x']}                               | {'a': {'b': 'x'}}                | false",
      // prefix, suffix, equals-ignore-case
      "{'t': [{'prefix': 'ca-'}]}                 | {'t': 'ca-central-1'}            | true",
      "{'t': [{'prefix': 'ca-'}]}                 | {'t': 'us-east-1'}               | false",
      "{'t': [{'prefix': {'equals-ignore-case': 'CA-'}}]} | {'t': 'ca-central-1'}    | true",
      "{'t': [{'suffix': '.png'}]}                | {'t': 'cat.png'}                 | true",
      "{'t': [{'suffix': '.png'}]}                | {'t': 'cat.PNG'}                 | false",
      "{'t': [{'suffix': {'equals-ignore-case': '.png'}}]} | {'t': 'cat.PNG'}        | true",
      "{'t': [{'suffix': '.png'}]}                | {'t': 5}                         | false",
      "{'t': [{'equals-ignore-case': 'alice'}]}   | {'t': 'ALICE'}                   | true",
      "{'t': [{'equals-ignore-case': 'alice'}]}   | {'t': 'bob'}                     | false",
      // wildcard
      "{'k': [{'wildcard': 'dir/*.png'}]}         | {'k': 'dir/a/b.png'}             | true",
      "{'k': [{'wildcard': 'dir/*.png'}]}         | {'k': 'dir/a.jpg'}               | false",
      "{'k': [{'wildcard': '*/a*b*'}]}            | {'k': 'x/ayyb'}                  | true",
      "{'k': [{'wildcard': '*/a*b*'}]}            | {'k': 'x/ba'}                    | false",
      "{'k': [{'wildcard': 'a\\\\*b'}]}           | {'k': 'a*b'}                     | true",
      "{'k': [{'wildcard': 'a\\\\*b'}]}           | {'k': 'axb'}                     | false",
      "{'k': [{'wildcard': 'ab*ba'}]}             | {'k': 'aba'}                     | false",
      // anything-but
      "{'s': [{'anything-but': 'initializing'}]}  | {'s': 'running'}                 | true",
      "{'s': [{'anything-but': 'initializing'}]}  | {'s': 'initializing'}            | false",
      "{'s': [{'anything-but': 'initializing'}]}  | {}                               | false",
      "{'s': [{'anything-but': [100, 200]}]}      | {'s': 300}                       | true",
      "{'s': [{'anything-but': [100, 200]}]}      | {'s': 200}                       | false",
      "{'s': [{'anything-but': {'prefix': 'init'}}]} | {'s': 'initializing'}         | false",
      "{'s': [{'anything-but': {'prefix': 'init'}}]} | {'s': 'stopped'}              | true",
      "{'s': [{'anything-but': {'suffix': '.txt'}}]} | {'s': 'a.txt'}                | false",
      "{'s': [{'anything-but': {'equals-ignore-case': ['A', 'B']}}]} | {'s': 'b'}    | false",
      "{'s': [{'anything-but': {'equals-ignore-case': ['A', 'B']}}]} | {'s': 'c'}    | true",
      "{'s': [{'anything-but': {'wildcard': '*.tmp'}}]} | {'s': 'x.tmp'}             | false",
      // numeric
      "{'c': [{'numeric': ['>', 0, '<=', 5]}]}    | {'c': 5}                         | true",
      "{'c': [{'numeric': ['>', 0, '<=', 5]}]}    | {'c': 0}                         | false",
      "{'c': [{'numeric': ['>', 0, '<=', 5]}]}    | {'c': '3'}                       | false",
      "{'c': [{'numeric': ['=', 3.0]}]}           | {'c': 3}                         | true",
      "{'c': [{'numeric': ['<', 10]}]}            | {'c': -1e3}                      | true",
      "{'c': [{'numeric': ['>=', 1.5]}]}          | {'c': 1.49}                      | false",
      // exists
      "{'c': [{'exists': true}]}                  | {'c': null}                      | true",
      "{'c': [{'exists': true}]}                  | {'c': 'x'}                       | true",
      "{'c': [{'exists': true}]}                  | {}                               | false",
      "{'c': [{'exists': true}]}                  | {'c': {'d': 1}}                  | false",
      "{'c': [{'exists': false}]}                 | {}                               | true",
      "{'c': [{'exists': false}]}                 | {'c': 1}                         | false",
      "{'d': {'c': [{'exists': false}]}}          | {'e': 1}                         | true",
      // cidr
      "{'ip': [{'cidr': '10.0.0.0/24'}]}          | {'ip': '10.0.0.255'}             | true",
      "{'ip': [{'cidr': '10.0.0.0/24'}]}          | {'ip': '10.0.1.0'}               | false",
      "{'ip': [{'cidr': '2001:db8::/32'}]}        | {'ip': '2001:db8::1'}            | true",
      "{'ip': [{'cidr': '10.0.0.0/24'}]}          | {'ip': 'example.com'}            | false",
      // $or
      "{'$or': [{'a': [1]}, {'b': [2]}]}          | {'b': 2}                         | true",
      "{'$or': [{'a': [1]}, {'b': [2]}]}          | {'a': 2, 'b': 1}                 | false",
      "{'s': ['x'], '$or': [{'a': [1]}, {'b': [2]}]} | {'s': 'y', 'a': 1}            | false",
      "{'d': {'$or': [{'a': [{'numeric': ['>', 5]}]}, {'a': [{'prefix': 'x'}]}]}} | {'d': {'a': 'xy'}} | true",
      // mixed matchers in one array
      "{'a': [{'prefix': 'x'}, 7, {'exists': false}]} | {}                           | true",
  })
  void shouldMatchLikeEventBridge(String pattern, String event, boolean expected) {
    assertThat(matches(pattern, event)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "[]                                        | the event pattern must be a JSON object",
      "{'a': 'x'}                                | the value of 'a' must be an object or an array of matchers, not string",
      "{'a': []}                                 | the matchers of 'a' must not be empty",
      "{'a': {'b': [{'prefix': 1}]}}             | 'prefix' of 'a.b' must be a string",
      "{'a': [{'numeric': ['>']}]}               | 'numeric' of 'a' must be an array of one or two operator-number pairs",
      "{'a': [{'numeric': ['~', 1]}]}            | 'numeric' of 'a' has an unknown operator \"~\"",
      "{'a': [{'numeric': ['=', 1, '<', 2]}]}    | 'numeric' of 'a' cannot combine '=' with a second comparison",
      "{'a': [{'exists': 'yes'}]}                | 'exists' of 'a' must be true or false",
      "{'a': [{'wildcard': 'a**b'}]}             | 'wildcard' of 'a' must not hold consecutive '*'",
      "{'a': [{'cidr': '10.0.0.0/33'}]}          | 'cidr' of 'a' is not a CIDR block: 10.0.0.0/33",
      "{'a': [{'between': [1, 2]}]}              | unknown operator 'between' in 'a'",
      "{'a': [{'prefix': 'x', 'suffix': 'y'}]}   | each matcher of 'a' must be a value or an object with one operator, not {\"prefix\":\"x\",\"suffix\":\"y\"}",
      "{'$or': [{'a': [1]}]}                     | '$or' must be an array of at least two patterns",
      "{'a': [{'anything-but': {'numeric': ['>', 1]}}]} | 'anything-but' of 'a' must be a value, an array of values, or an object with prefix, suffix, equals-ignore-case or wildcard",
  })
  void shouldRefuseAnInvalidPatternNamingTheField(String pattern, String message) {
    assertThatThrownBy(() -> EventPattern.compile(json(pattern)))
        .isInstanceOf(InvalidPatternException.class)
        .hasMessage("Invalid event pattern: " + message);
  }

  @Test
  void shouldMatchAKafkaRecordWrapperOnValueKeyAndHeaders() {
    EventPattern pattern = EventPattern.compile(json(
        "{'value': {'status': ['paid'], 'amount': [{'numeric': ['>=', 100]}]}, 'key': [{'prefix': 'eu-'}],"
            + " 'headers': {'source': ['shop']}}"));

    assertThat(pattern.matches(json("{'value': {'status': 'paid', 'amount': 120}, 'key': 'eu-1',"
        + " 'headers': {'source': 'shop'}}"))).isTrue();
    assertThat(pattern.matches(json("{'value': {'status': 'paid', 'amount': 120}, 'key': 'us-1',"
        + " 'headers': {'source': 'shop'}}"))).isFalse();
  }
}
