package dev.stepstream.asl.choice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardPatternTest {

  // Patterns are written as the Java string after JSON decoding: "log-\\*.txt" in JSON is log-\*.txt.
  @ParameterizedTest(name = "''{0}'' matches ''{1}'': {2}")
  @CsvSource(delimiter = '|', value = {
      "log-*.txt | log-2024.txt | true",
      "log-*.txt | log-.txt | true",
      "log-*.txt | log-2024.csv | false",
      "*.log | app.log | true",
      "* | '' | true",
      "'' | '' | true",
      "'' | a | false",
      "a*b*c | aXXbYYc | true",
      "a*b*c | aXXbYY | false",
      "*a*a*a*b | aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | false",
      "log-\\*.txt | log-*.txt | true",
      "log-\\*.txt | log-1.txt | false",
      "C:\\\\dir\\\\* | C:\\dir\\file | true",
      "C:\\\\dir | C:\\dir | true",
      "a?c | abc | false",
      "a?c | a?c | true",
      "a.c | abc | false",
      "a\\b | a\\b | true",
  })
  void shouldTreatOnlyTheAsteriskAsSpecial(String pattern, String text, boolean expected) {
    assertThat(WildcardPattern.compile(pattern).matches(text)).isEqualTo(expected);
  }
}
