// What the palette offers: the eight state types, a ready Task per task topic the cluster knows,
// and the integrations the engine runs itself (docs/integrations.md), each as a ready Task.
import { stateTemplate, taskTemplateForTopic } from './document.js';

export const STATE_TYPES = ['Task', 'Pass', 'Choice', 'Wait', 'Parallel', 'Map', 'Succeed', 'Fail'];

const TYPE_HELP = {
  Task: 'Runs work: a worker on a task topic, or an integration',
  Pass: 'Passes its input on, optionally adding or shaping data',
  Choice: 'Branches on rules over the input',
  Wait: 'Waits for some seconds or until a timestamp',
  Parallel: 'Runs branches at the same time',
  Map: 'Runs a processor for each item of an array',
  Succeed: 'Ends the execution (or branch) successfully',
  Fail: 'Ends the execution with an error and a cause',
};

// Parameters (JSONPath) of each integration; JSONata gets the same object as Arguments.
const INTEGRATIONS = [
  { api: 'kafka:publish', name: 'PublishToKafka', help: 'Writes a record to a Kafka topic',
    args: { Topic: 'orders', 'Value.$': '$' }, jsonata: { Topic: 'orders', Value: '{% $states.input %}' } },
  { api: 'sns:publish', name: 'PublishToSns', help: 'Publishes to an SNS topic (Kafka topic sns.<name>)',
    args: { TopicArn: 'arn:aws:sns:us-east-1:123456789012:notifications', 'Message.$': '$' },
    jsonata: { TopicArn: 'arn:aws:sns:us-east-1:123456789012:notifications', Message: '{% $states.input %}' } },
  { api: 'sqs:sendMessage', name: 'SendToSqs', help: 'Sends a message to an SQS queue (Kafka topic sqs.<name>)',
    args: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs', 'MessageBody.$': '$' },
    jsonata: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs', MessageBody: '{% $states.input %}' } },
  { api: 'events:putEvents', name: 'PutEvents', help: 'Puts events on an EventBridge bus (Kafka topic events.<bus>)',
    args: { Entries: [{ Source: 'my.app', DetailType: 'Something happened', 'Detail.$': '$' }] },
    jsonata: { Entries: [{ Source: 'my.app', DetailType: 'Something happened', Detail: '{% $states.input %}' }] } },
  { api: 'http:invoke', name: 'CallHttpApi', help: 'Calls an HTTP endpoint (AWS HTTP Task)',
    args: { ApiEndpoint: 'https://example.com/api', Method: 'GET' },
    jsonata: { ApiEndpoint: 'https://example.com/api', Method: 'GET' } },
  { api: 'lambda:invoke', name: 'InvokeFunction', help: 'Invokes a function: a worker on tasks.<FunctionName>',
    args: { FunctionName: 'MyFunction', 'Payload.$': '$' }, jsonata: { FunctionName: 'MyFunction', Payload: '{% $states.input %}' } },
];

export function typeItems() {
  return STATE_TYPES.map((type) => ({ key: `type:${type}`, kind: 'type', type, label: type, name: type, help: TYPE_HELP[type] }));
}

export function integrationItems() {
  return INTEGRATIONS.map((i) => ({
    key: `integration:${i.api}`, kind: 'integration', type: 'Task', label: i.api, name: i.name, help: i.help,
    resource: `arn:aws:states:::${i.api}`,
  }));
}

/** Ready Tasks for task topics (names without the `tasks.` prefix); reserved `__` topics are left out. */
export function topicItems(topics, catalogue) {
  return topics.filter((t) => !t.startsWith('__')).sort().flatMap((topic) => {
    try {
      const { state, mapping } = taskTemplateForTopic(topic, catalogue);
      return [{ key: `topic:${topic}`, kind: 'topic', type: 'Task', label: topic, name: topic.replace(/[^A-Za-z0-9_-]/g, ''), topic, mapping, state }];
    } catch {
      return [];
    }
  });
}

/** The state a palette item adds, in the definition's query language. */
export function stateFor(item, queryLanguage) {
  if (item.kind === 'topic') return structuredClone(item.state);
  const state = stateTemplate(item.type, queryLanguage);
  if (item.kind === 'integration') {
    const spec = INTEGRATIONS.find((i) => `arn:aws:states:::${i.api}` === item.resource);
    state.Resource = item.resource;
    delete state.Parameters;
    delete state.Arguments;
    if (queryLanguage === 'JSONata') state.Arguments = structuredClone(spec.jsonata);
    else state.Parameters = structuredClone(spec.args);
  }
  return state;
}
