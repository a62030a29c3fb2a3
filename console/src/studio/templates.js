// Starting points for new states, and Task states for task topics.

export const STATE_TYPES = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'];

const emptyScope = () => ({ StartAt: '', States: {} });

/**
 * A minimal state of a type for a query language ('JSONPath' or 'JSONata'). Choice states start
 * without rules (connecting one adds a rule), Parallel with two empty branches, Map with an empty
 * inline processor: they validate once states are connected or dropped into them.
 */
export function stateTemplate(type, queryLanguage = 'JSONPath') {
  const jsonata = queryLanguage === 'JSONata';
  switch (type) {
    case 'Task':
      return { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke',
        ...(jsonata ? { Arguments: { FunctionName: 'MyFunction', Payload: '{% $states.input %}' } }
          : { Parameters: { FunctionName: 'MyFunction', 'Payload.$': '$' } }),
        End: true };
    case 'Pass': return { Type: 'Pass', End: true };
    case 'Choice': return { Type: 'Choice', Choices: [] };
    case 'Wait': return { Type: 'Wait', Seconds: 5, End: true };
    case 'Succeed': return { Type: 'Succeed' };
    case 'Fail': return { Type: 'Fail', Error: 'Failed', Cause: 'The workflow failed' };
    case 'Parallel': return { Type: 'Parallel', Branches: [emptyScope(), emptyScope()], End: true };
    case 'Map':
      return { Type: 'Map',
        ...(jsonata ? { Items: '{% $states.input.items %}' } : { ItemsPath: '$.items' }),
        ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, ...emptyScope() }, End: true };
    default: throw new Error(`Unknown state type '${type}'`);
  }
}

// Task topics Stepstream serves itself (docs/integrations.md): topic name -> Resource.
const INTEGRATIONS = {
  '__kafka.publish': 'arn:aws:states:::kafka:publish',
  '__sns.publish': 'arn:aws:states:::sns:publish',
  '__sqs.sendMessage': 'arn:aws:states:::sqs:sendMessage',
  '__events.putEvents': 'arn:aws:states:::events:putEvents',
};

/** 'stepstream.tasks.Resize', 'tasks.Resize' or 'Resize' -> 'Resize'. */
export function taskNameOfTopic(topic, prefix = 'stepstream.') {
  let name = String(topic);
  if (name.startsWith(prefix)) name = name.slice(prefix.length);
  if (name.startsWith('tasks.')) name = name.slice('tasks.'.length);
  return name;
}

/**
 * A Task state for a task topic: { name, state, mapping }. The engine sends a Task to
 * `<prefix>tasks.<Name>` when its Resource is the Lambda function ARN
 * `arn:aws:lambda:<region>:<account>:function:<Name>` or the activity ARN
 * `arn:aws:states:<region>:<account>:activity:<Name>` (docs/workers.md): a name a Lambda function
 * can have (letters, digits, '-', '_', up to 64) gets the function ARN, other topic names (with
 * '.', or longer, up to 80) the activity ARN. `catalogue` may give { prefix, region, account }
 * (defaults `stepstream.`, `us-east-1`, `123456789012`, the server's defaults).
 */
export function taskTemplateForTopic(topic, catalogue = {}) {
  const { prefix = 'stepstream.', region = 'us-east-1', account = '123456789012' } = catalogue || {};
  const name = taskNameOfTopic(topic, prefix);
  if (!/^[A-Za-z0-9_.-]{1,80}$/.test(name)) throw new Error(`'${topic}' is not a task topic name`);
  const topicName = `${prefix}tasks.${name}`;
  if (INTEGRATIONS[name]) {
    const resource = INTEGRATIONS[name];
    return { name, state: { Type: 'Task', Resource: resource, End: true },
      mapping: `Resource ${resource} is run by Stepstream itself (requests on ${topicName})` };
  }
  const resource = /^[A-Za-z0-9_-]{1,64}$/.test(name)
    ? `arn:aws:lambda:${region}:${account}:function:${name}`
    : `arn:aws:states:${region}:${account}:activity:${name}`;
  return {
    name,
    state: { Type: 'Task', Resource: resource, End: true },
    mapping: `Resource ${resource} → topic ${topicName} (a worker for task '${name}' answers on ${prefix}task-results)`,
  };
}
