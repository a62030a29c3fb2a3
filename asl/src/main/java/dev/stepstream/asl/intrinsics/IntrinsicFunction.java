package dev.stepstream.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/** The 18 intrinsic functions of the Amazon States Language, with the argument counts AWS accepts. */
enum IntrinsicFunction {
  FORMAT("States.Format", 1, Integer.MAX_VALUE, StringIntrinsics::format),
  STRING_TO_JSON("States.StringToJson", 1, 1, JsonIntrinsics::stringToJson),
  JSON_TO_STRING("States.JsonToString", 1, 1, JsonIntrinsics::jsonToString),
  ARRAY("States.Array", 0, Integer.MAX_VALUE, ArrayIntrinsics::array),
  ARRAY_PARTITION("States.ArrayPartition", 2, 2, ArrayIntrinsics::partition),
  ARRAY_CONTAINS("States.ArrayContains", 2, 2, ArrayIntrinsics::contains),
  ARRAY_RANGE("States.ArrayRange", 3, 3, ArrayIntrinsics::range),
  ARRAY_GET_ITEM("States.ArrayGetItem", 2, 2, ArrayIntrinsics::getItem),
  ARRAY_LENGTH("States.ArrayLength", 1, 1, ArrayIntrinsics::length),
  ARRAY_UNIQUE("States.ArrayUnique", 1, 1, ArrayIntrinsics::unique),
  BASE64_ENCODE("States.Base64Encode", 1, 1, EncodingIntrinsics::base64Encode),
  BASE64_DECODE("States.Base64Decode", 1, 1, EncodingIntrinsics::base64Decode),
  HASH("States.Hash", 2, 2, EncodingIntrinsics::hash),
  JSON_MERGE("States.JsonMerge", 3, 3, JsonIntrinsics::merge),
  MATH_RANDOM("States.MathRandom", 2, 3, MathIntrinsics::random),
  MATH_ADD("States.MathAdd", 2, 2, MathIntrinsics::add),
  STRING_SPLIT("States.StringSplit", 2, 2, StringIntrinsics::split),
  UUID("States.UUID", 0, 0, StringIntrinsics::uuid);

  private final String functionName;
  private final int minArguments;
  private final int maxArguments;
  private final Function<Invocation, JsonNode> implementation;

  IntrinsicFunction(String functionName, int min, int max, Function<Invocation, JsonNode> implementation) {
    this.functionName = functionName;
    this.minArguments = min;
    this.maxArguments = max;
    this.implementation = implementation;
  }

  String functionName() {
    return functionName;
  }

  boolean accepts(int argumentCount) {
    return argumentCount >= minArguments && argumentCount <= maxArguments;
  }

  String expectedArguments() {
    if (minArguments == maxArguments) {
      return minArguments + (minArguments == 1 ? " argument" : " arguments");
    }
    return maxArguments == Integer.MAX_VALUE
        ? "at least " + minArguments + (minArguments == 1 ? " argument" : " arguments")
        : minArguments + " to " + maxArguments + " arguments";
  }

  JsonNode apply(Invocation invocation) {
    return implementation.apply(invocation);
  }

  static IntrinsicFunction byName(String name) {
    for (IntrinsicFunction function : values()) {
      if (function.functionName.equals(name)) {
        return function;
      }
    }
    return null;
  }
}
