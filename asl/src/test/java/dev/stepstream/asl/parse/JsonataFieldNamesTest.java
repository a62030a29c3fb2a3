package dev.stepstream.asl.parse;

import static dev.stepstream.asl.testing.Definitions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.Asl;
import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.eval.ExpressionCompiler;
import dev.stepstream.asl.eval.InvalidExpressionException;
import dev.stepstream.asl.eval.PathExpression;
import dev.stepstream.asl.eval.ResultPathExpression;
import dev.stepstream.asl.testing.FakeCompiler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser names each JSONata field the way AWS names it in causes, relative to the state. */
class JsonataFieldNamesTest {

  private static final class Recording implements ExpressionCompiler {
    private final FakeCompiler delegate = new FakeCompiler();
    private final List<String> names = new ArrayList<>();

    @Override
    public PathExpression path(String text) throws InvalidExpressionException {
      return delegate.path(text);
    }

    @Override
    public ResultPathExpression resultPath(String text) throws InvalidExpressionException {
      return delegate.resultPath(text);
    }

    @Override
    public Expression payloadTemplate(JsonNode template) throws InvalidExpressionException {
      return delegate.payloadTemplate(template);
    }

    @Override
    public Expression jsonataTemplate(JsonNode value, String fieldName) throws InvalidExpressionException {
      names.add(fieldName);
      return delegate.jsonataTemplate(value, fieldName);
    }
  }

  @Test
  void shouldPassAwsStyleFieldNamesToTheCompiler() {
    Recording compiler = new Recording();

    Asl.compile(json("{'QueryLanguage':'JSONata','StartAt':'C','States':{"
        + "'C':{'Type':'Choice','Choices':[{'Condition':'{% true %}','Next':'T'},{'Condition':'{% false %}','Next':'T',"
        + "'Output':{'a':1}}],'Default':'T'},"
        + "'T':{'Type':'Task','Resource':'arn:aws:states:::a:b','Arguments':{'x':1},'TimeoutSeconds':'{% 5 %}',"
        + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'S','Assign':{'e':'{% $states.errorOutput %}'}}],'Next':'S'},"
        + "'S':{'Type':'Succeed','Output':'{% 1 %}'}}}"), compiler);

    assertThat(compiler.names).containsExactlyInAnyOrder(
        "Choices[0]/Condition", "Choices[1]/Condition", "Choices[1]/Output", "Arguments", "TimeoutSeconds", "Catch[0]/Assign",
        "Output");
  }
}
