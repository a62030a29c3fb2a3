package dev.stepstream.asl.diag;

public enum Severity {
  ERROR,
  WARNING
}
