// Nested executions (states:startExecution): the links between a parent and its children.

const STARTED_BY = 'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID';

function parse(value) {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** The parent's ARN when the input names it, as AWS's definitions pass it ($$.Execution.Id). */
export function startedBy(input) {
  const value = parse(input);
  const arn = value && typeof value === 'object' ? value[STARTED_BY] : undefined;
  return typeof arn === 'string' && arn.includes(':execution:') ? arn : null;
}

/**
 * The child executions a history started: the ExecutionArn in the output of states Task events
 * (TaskSubmitted of .sync, TaskSucceeded of request-response), once each, in history order,
 * with the state that started each.
 */
export function childExecutions(events, stateOf = () => undefined) {
  const seen = new Map();
  for (const event of events || []) {
    const details = event.taskSubmittedEventDetails || event.taskSucceededEventDetails;
    if (!details || details.resourceType !== 'states' || !String(details.resource).startsWith('startExecution')) continue;
    const arn = parse(details.output)?.ExecutionArn;
    if (typeof arn === 'string' && !seen.has(arn)) seen.set(arn, { arn, state: stateOf(event) });
  }
  return [...seen.values()];
}
