package dev.stepstream.server.api.backend;

import dev.stepstream.server.api.aws.AwsErrors;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * ARNs in AWS's forms, with a configurable region and account (defaults {@code us-east-1} and
 * {@code 123456789012}), and AWS's naming rules for state machines, executions and activities.
 * A state machine ARN may be qualified: {@code ...:stateMachine:<name>:<version number>} names a
 * published version, {@code ...:stateMachine:<name>:<alias name>} an alias.
 */
public record Arns(String region, String account) {
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_ACCOUNT = "123456789012";
  private static final Pattern STATES_ARN =
      Pattern.compile("arn:aws[a-z-]*:states:([a-z0-9-]+):(\\d{12}):(stateMachine|execution|express|activity):(.+)");
  // AWS: 1-80 characters, no whitespace, brackets, wildcards, special characters or control characters
  // (checked by hand: a regex per name was a visible share of StartExecution's CPU).
  private static final String INVALID_NAME_SYMBOLS = "<>{}[]?*\"#%\\^|~`$&,;:/";
  // State machine and activity ARNs are few and parsed several times per call; execution ARNs are
  // not kept (one per execution). Cleared when full rather than evicting one by one.
  private static final int MAX_PARSED = 4_096;
  private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();
  private static final Pattern VERSION_NUMBER = Pattern.compile("[1-9][0-9]{0,9}");
  // AWS's alias name pattern: letters, digits, '_', '-', '.'; at least one non-digit, so that an alias
  // can never be mistaken for a version number.
  private static final Pattern ALIAS_NAME = Pattern.compile("(?=.*[a-zA-Z_.-])[a-zA-Z0-9_.-]{1,80}");

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

    /** For state machine ARNs: the version number or alias name after the name, if any. */
    public Optional<String> qualifier() {
      int colon = resource.indexOf(':');
      return colon < 0 ? Optional.empty() : Optional.of(resource.substring(colon + 1));
    }

    public boolean isVersion() {
      return kind.equals("stateMachine") && qualifier().filter(q -> VERSION_NUMBER.matcher(q).matches()).isPresent();
    }

    public boolean isAlias() {
      return kind.equals("stateMachine") && qualifier().isPresent() && !isVersion();
    }

    /** For state machine ARNs: the ARN without a version or alias qualifier. */
    public String unqualified() {
      int colon = resource.indexOf(':');
      String machine = colon < 0 ? resource : resource.substring(0, colon);
      return "arn:aws:states:" + region + ":" + account + ":stateMachine:" + machine;
    }
  }

  public static String version(String stateMachineArn, long number) {
    return stateMachineArn + ":" + number;
  }

  public static String alias(String stateMachineArn, String aliasName) {
    return stateMachineArn + ":" + aliasName;
  }

  /** The version number of a version ARN. */
  public static long versionNumber(String versionArn) {
    return Long.parseLong(versionArn.substring(versionArn.lastIndexOf(':') + 1));
  }

  public static boolean validAliasName(String name) {
    return name != null && ALIAS_NAME.matcher(name).matches();
  }

  /** The unqualified ARN of any state machine, version or alias ARN. */
  public static String unqualified(String stateMachineArn) {
    return parse(stateMachineArn).map(Parsed::unqualified).orElse(stateMachineArn);
  }

  public String stateMachine(String name) {
    return "arn:aws:states:" + region + ":" + account + ":stateMachine:" + name;
  }

  public String activity(String name) {
    return "arn:aws:states:" + region + ":" + account + ":activity:" + name;
  }

  public static String execution(String stateMachineArn, String name) {
    Parsed machine = parse(stateMachineArn).orElseThrow();
    return "arn:aws:states:" + machine.region() + ":" + machine.account() + ":execution:" + baseName(machine) + ":"
        + name;
  }

  /** AWS's Express execution ARN: {@code ...:express:<machine>:<name>:<id>}. */
  public static String expressExecution(String stateMachineArn, String name, String id) {
    Parsed machine = parse(stateMachineArn).orElseThrow();
    return "arn:aws:states:" + machine.region() + ":" + machine.account() + ":express:" + baseName(machine) + ":" + name
        + ":" + id;
  }

  private static String baseName(Parsed machine) {
    return machine.resource().split(":", -1)[0];
  }

  public static Optional<Parsed> parse(String arn) {
    if (arn == null) {
      return Optional.empty();
    }
    Parsed known = PARSED.get(arn);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Parsed> parsed = parseNew(arn);
    parsed.filter(p -> p.kind().equals("stateMachine") || p.kind().equals("activity")).ifPresent(p -> {
      if (PARSED.size() >= MAX_PARSED) {
        PARSED.clear();
      }
      PARSED.put(arn, p);
    });
    return parsed;
  }

  private static Optional<Parsed> parseNew(String arn) {
    var m = STATES_ARN.matcher(arn);
    if (!m.matches()) {
      return Optional.empty();
    }
    Parsed parsed = new Parsed(m.group(1), m.group(2), m.group(3), m.group(4));
    String[] parts = parsed.resource().split(":", -1);
    boolean shapeOk = switch (parsed.kind()) {
      case "stateMachine" -> validName(parts[0])
          && (parts.length == 1 || parts.length == 2 && (VERSION_NUMBER.matcher(parts[1]).matches()
              || validAliasName(parts[1])));
      case "activity" -> parts.length == 1 && validName(parts[0]);
      case "execution" -> parts.length == 2 && (validName(parts[0]) || mapRunChildMachine(parts[0]))
          && validName(parts[1]);
      default -> parts.length == 3 && validName(parts[0]) && validName(parts[1]);
    };
    return shapeOk ? Optional.of(parsed) : Optional.empty();
  }

  public static Parsed require(String arn, String kind) {
    return parse(arn).filter(p -> p.kind().equals(kind)).orElseThrow(() -> AwsErrors.invalidArn(arn));
  }

  /** An unqualified state machine ARN (no version, no alias): InvalidArn otherwise. */
  public static Parsed requireStateMachine(String arn) {
    return parse(arn).filter(p -> p.kind().equals("stateMachine") && p.qualifier().isEmpty())
        .orElseThrow(() -> AwsErrors.invalidArn(arn));
  }

  /** A state machine version ARN: InvalidArn otherwise. */
  public static Parsed requireVersion(String arn) {
    return parse(arn).filter(Parsed::isVersion).orElseThrow(() -> AwsErrors.invalidArn(arn));
  }

  /** A state machine alias ARN: InvalidArn otherwise. */
  public static Parsed requireAlias(String arn) {
    return parse(arn).filter(Parsed::isAlias).orElseThrow(() -> AwsErrors.invalidArn(arn));
  }

  /** An execution ARN: the standard {@code execution:} form or the Express form. */
  public static Parsed requireExecution(String arn) {
    return parse(arn).filter(p -> p.kind().equals("execution") || p.kind().equals("express"))
        .orElseThrow(() -> AwsErrors.invalidArn(arn));
  }

  /** {@code <machine>/<Map Run label>}: the state machine part of a Distributed Map child execution's ARN. */
  private static boolean mapRunChildMachine(String part) {
    int slash = part.indexOf('/');
    return slash > 0 && validName(part.substring(0, slash)) && validName(part.substring(slash + 1));
  }

  public static boolean validName(String name) {
    if (name == null || name.isEmpty() || name.length() > 80) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (invalidNameChar(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** ASCII whitespace and C0 controls (up to the space), C1 controls and DEL, and AWS's symbols. */
  private static boolean invalidNameChar(char c) {
    return c <= 0x20 || c >= 0x7f && c <= 0x9f || INVALID_NAME_SYMBOLS.indexOf(c) >= 0;
  }

  public static String requireName(String name) {
    if (!validName(name)) {
      throw AwsErrors.invalidName(name);
    }
    return name;
  }
}
