package dev.stepstream.server.api.backend;

import dev.stepstream.server.api.aws.AwsErrors;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ARNs in AWS's forms, with a configurable region and account (defaults {@code us-east-1} and
 * {@code 123456789012}), and AWS's naming rules for state machines, executions and activities.
 */
public record Arns(String region, String account) {
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_ACCOUNT = "123456789012";
  private static final Pattern STATES_ARN =
      Pattern.compile("arn:aws[a-z-]*:states:([a-z0-9-]+):(\\d{12}):(stateMachine|execution|express|activity):(.+)");
  // AWS: 1-80 characters, no whitespace, brackets, wildcards, special characters or control characters.
  private static final Pattern INVALID_NAME_CHARS =
      Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\u0000-\\u001f\\u007f-\\u009f]");

  public static Arns defaults() {
    return new Arns(DEFAULT_REGION, DEFAULT_ACCOUNT);
  }

  /** The parts of a Step Functions ARN: kind (stateMachine, execution, express, activity) and the rest. */
  public record Parsed(String region, String account, String kind, String resource) {
    /** For execution ARNs: the state machine ARN the execution belongs to. */
    public String stateMachineArn() {
      String machine = resource.substring(0, resource.indexOf(':'));
      return "arn:aws:states:" + region + ":" + account + ":stateMachine:" + machine;
    }

    public String executionName() {
      String[] parts = resource.split(":");
      return parts[1];
    }
  }

  public String stateMachine(String name) {
    return "arn:aws:states:" + region + ":" + account + ":stateMachine:" + name;
  }

  public String activity(String name) {
    return "arn:aws:states:" + region + ":" + account + ":activity:" + name;
  }

  public static String execution(String stateMachineArn, String name) {
    Parsed machine = parse(stateMachineArn).orElseThrow();
    return "arn:aws:states:" + machine.region() + ":" + machine.account() + ":execution:" + machine.resource() + ":" + name;
  }

  /** AWS's Express execution ARN: {@code ...:express:<machine>:<name>:<id>}. */
  public static String expressExecution(String stateMachineArn, String name, String id) {
    Parsed machine = parse(stateMachineArn).orElseThrow();
    return "arn:aws:states:" + machine.region() + ":" + machine.account() + ":express:" + machine.resource() + ":" + name
        + ":" + id;
  }

  public static Optional<Parsed> parse(String arn) {
    if (arn == null) {
      return Optional.empty();
    }
    var m = STATES_ARN.matcher(arn);
    if (!m.matches()) {
      return Optional.empty();
    }
    Parsed parsed = new Parsed(m.group(1), m.group(2), m.group(3), m.group(4));
    String[] parts = parsed.resource().split(":", -1);
    boolean shapeOk = switch (parsed.kind()) {
      case "stateMachine", "activity" -> parts.length == 1 && validName(parts[0]);
      case "execution" -> parts.length == 2 && validName(parts[0]) && validName(parts[1]);
      default -> parts.length == 3 && validName(parts[0]) && validName(parts[1]);
    };
    return shapeOk ? Optional.of(parsed) : Optional.empty();
  }

  public static Parsed require(String arn, String kind) {
    return parse(arn).filter(p -> p.kind().equals(kind)).orElseThrow(() -> AwsErrors.invalidArn(arn));
  }

  /** An execution ARN: the standard {@code execution:} form or the Express form. */
  public static Parsed requireExecution(String arn) {
    return parse(arn).filter(p -> p.kind().equals("execution") || p.kind().equals("express"))
        .orElseThrow(() -> AwsErrors.invalidArn(arn));
  }

  public static boolean validName(String name) {
    return name != null && !name.isEmpty() && name.length() <= 80 && !INVALID_NAME_CHARS.matcher(name).find();
  }

  public static String requireName(String name) {
    if (!validName(name)) {
      throw AwsErrors.invalidName(name);
    }
    return name;
  }
}
