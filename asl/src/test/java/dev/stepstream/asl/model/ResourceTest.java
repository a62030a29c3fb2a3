package dev.stepstream.asl.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceTest {

  @Test
  void shouldParseALambdaFunctionArnWithPlaceholderRegionAndAccount() {
    Resource resource = Resource.parse("arn:aws:lambda:REGIAO:ID:function:SalvarImagem").orElseThrow();

    assertThat(resource.kind()).isEqualTo(ResourceKind.LAMBDA_FUNCTION);
    assertThat(resource.shortName()).isEqualTo("SalvarImagem");
    assertThat(resource.service()).isEqualTo("lambda");
    assertThat(resource.pattern()).isEqualTo(IntegrationPattern.REQUEST_RESPONSE);
    assertThat(resource.api()).isEmpty();
  }

  @Test
  void shouldDropTheQualifierFromALambdaShortName() {
    assertThat(Resource.parse("arn:aws:lambda:us-east-1:123456789012:function:Foo:$LATEST").orElseThrow().shortName()).isEqualTo("Foo");
  }

  @Test
  void shouldParseAnActivityArn() {
    Resource resource = Resource.parse("arn:aws:states:us-east-1:123456789012:activity:HelloWorld").orElseThrow();

    assertThat(resource.kind()).isEqualTo(ResourceKind.ACTIVITY);
    assertThat(resource.shortName()).isEqualTo("HelloWorld");
  }

  @Test
  void shouldParseServiceIntegrationsAndTheirPatterns() {
    Resource invoke = Resource.parse("arn:aws:states:::lambda:invoke").orElseThrow();
    Resource sync = Resource.parse("arn:aws:states:::states:startExecution.sync:2").orElseThrow();
    Resource job = Resource.parse("arn:aws:states:::batch:submitJob.sync").orElseThrow();
    Resource token = Resource.parse("arn:aws:states:::sqs:sendMessage.waitForTaskToken").orElseThrow();

    assertThat(invoke.kind()).isEqualTo(ResourceKind.SERVICE_INTEGRATION);
    assertThat(invoke.pattern()).isEqualTo(IntegrationPattern.REQUEST_RESPONSE);
    assertThat(invoke.shortName()).isEqualTo("lambda:invoke");
    assertThat(invoke.service()).isEqualTo("lambda");
    assertThat(invoke.api()).contains("invoke");
    assertThat(sync.pattern()).isEqualTo(IntegrationPattern.RUN_JOB);
    assertThat(sync.shortName()).isEqualTo("states:startExecution");
    assertThat(job.pattern()).isEqualTo(IntegrationPattern.RUN_JOB);
    assertThat(token.pattern()).isEqualTo(IntegrationPattern.WAIT_FOR_TASK_TOKEN);
    assertThat(token.api()).contains("sendMessage");
  }

  @Test
  void shouldTreatOtherArnsAsOther() {
    Resource resource = Resource.parse("arn:aws-cn:ecs:cn-north-1:1:task-definition/x").orElseThrow();

    assertThat(resource.kind()).isEqualTo(ResourceKind.OTHER);
    assertThat(resource.service()).isEqualTo("ecs");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "lambda", "arn:aws:lambda", "arn::lambda:r:a:function:x", "arn:aws::r:a:x", "arn:aws:lambda:r:a:",
      "arn:aws:states:::lambda", "arn:aws:states:::lambda:", "ARN:aws:lambda:r:a:function:x"})
  void shouldRejectTextThatIsNotAnArn(String text) {
    assertThat(Resource.parse(text)).isEmpty();
  }
}
