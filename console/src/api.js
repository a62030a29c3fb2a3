// Calls to the Stepstream server: REST under /api/ and, for actions, the AWS JSON 1.0 protocol
// at POST / (the same operations the AWS SDKs call).

// With authentication on (serve), every call carries the bearer `<access key id>:<secret>` kept in
// localStorage under 'stepstream.bearer' (docs/security.md); without it, calls go out as they are.
export function bearer() {
  try {
    return globalThis.localStorage?.getItem('stepstream.bearer') || null;
  } catch {
    return null;
  }
}

function withAuth(headers) {
  const token = bearer();
  return token ? { ...headers, Authorization: `Bearer ${token}` } : headers;
}

export class ApiError extends Error {
  constructor(type, message, status) {
    super(message || type || `HTTP ${status}`);
    this.type = type;
    this.status = status;
  }
}

async function parse(response) {
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = { message: text };
  }
  if (!response.ok) {
    throw new ApiError(body && body.__type, body && body.message, response.status);
  }
  return body;
}

function query(params) {
  const q = new URLSearchParams();
  Object.entries(params || {}).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  });
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const enc = (arn) => encodeURIComponent(arn);

export async function get(path, params) {
  return parse(await fetch(`/api${path}${query(params)}`, { headers: withAuth({ Accept: 'application/json' }) }));
}

export async function post(path, body) {
  return parse(await fetch(`/api${path}`, {
    method: 'POST',
    headers: withAuth({ 'Content-Type': 'application/json' }),
    body: JSON.stringify(body),
  }));
}

export async function aws(operation, body) {
  return parse(await fetch('/', {
    method: 'POST',
    headers: withAuth({
      'X-Amz-Target': `AWSStepFunctions.${operation}`,
      'Content-Type': 'application/x-amz-json-1.0',
    }),
    body: JSON.stringify(body || {}),
  }));
}

export const api = {
  stateMachines: () => get('/state-machines'),
  executionCounts: () => get('/execution-counts'),
  stateMachine: (arn) => get(`/state-machines/${enc(arn)}`),
  machineExecutions: (arn, params) => get(`/state-machines/${enc(arn)}/executions`, params),
  executions: (params) => get('/executions', params),
  execution: (arn) => get(`/executions/${enc(arn)}`),
  history: (arn) => get(`/executions/${enc(arn)}/history`),
  start: (arn, name, input) => post(`/state-machines/${enc(arn)}/executions`, { name: name || undefined, input }),
  machineForExecution: (arn) => aws('DescribeStateMachineForExecution', { executionArn: arn }),
  validate: (definition) => aws('ValidateStateMachineDefinition', { definition, maxResults: 100 }),
  stop: (arn) => aws('StopExecution', { executionArn: arn, error: 'Console.Stop', cause: 'Stopped from the console' }),
  redrive: (arn) => aws('RedriveExecution', { executionArn: arn }),
  versions: (arn) => aws('ListStateMachineVersions', { stateMachineArn: arn, maxResults: 100 }),
  describeVersion: (versionArn) => aws('DescribeStateMachine', { stateMachineArn: versionArn }),
  aliases: (arn) => aws('ListStateMachineAliases', { stateMachineArn: arn, maxResults: 100 }),
  alias: (aliasArn) => aws('DescribeStateMachineAlias', { stateMachineAliasArn: aliasArn }),
};

// EventSource cannot send headers: the bearer goes in the query instead.
export function eventsUrl(arn) {
  const token = bearer();
  return `/api/executions/${enc(arn)}/events${token ? `?access_token=${encodeURIComponent(token)}` : ''}`;
}
