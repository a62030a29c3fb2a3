// Pure helpers of the schedules page.

/** The state machine a schedule target runs: a version or alias ARN links to its state machine. */
export function machineOf(targetArn) {
  const parts = targetArn.split(':');
  return parts.length > 7 ? parts.slice(0, 7).join(':') : targetArn;
}

/** The target as shown: the state machine name with its version or alias, if any. */
export function targetLabel(targetArn) {
  return targetArn.split(':').slice(6).join(':');
}
