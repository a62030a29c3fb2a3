// A seeded generator of ASL definitions for round-trip tests: every state type and field, both
// query languages, Retry/Catch, Choice operators (And/Or/Not nested), Wait variants, Parallel and
// Map nesting (ItemProcessor or Iterator, ItemReader, ItemBatcher, ResultWriter, ProcessorConfig),
// Assign/Arguments/Output, unknown fields, odd state names and shuffled member order.
// Definitions are structurally plausible, not all valid: the point is that nothing is lost.

/** A deterministic random number generator (mulberry32) returning floats in [0, 1). */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JSONPATH_OPS = [
  ['StringEquals', () => 'yes'], ['StringEqualsPath', () => '$.other'], ['StringMatches', () => 'log-*.txt'],
  ['StringLessThan', () => 'm'], ['NumericEquals', () => 3], ['NumericGreaterThan', () => 1.5],
  ['NumericLessThanEqualsPath', () => '$.limit'], ['BooleanEquals', () => true], ['TimestampLessThan', () => '2026-01-01T00:00:00Z'],
  ['TimestampGreaterThanEqualsPath', () => '$.t'], ['IsPresent', () => true], ['IsNull', () => false],
  ['IsNumeric', () => true], ['IsString', () => true], ['IsBoolean', () => false], ['IsTimestamp', () => true],
];

export function generateDefinition(seed) {
  const r = seededRandom(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const chance = (p) => r() < p;
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const ql = chance(0.5) ? 'JSONata' : 'JSONPath';
  let counter = 0;
  const ODD = ['with space', 'slash/inside', 'tilde~0', 'ünïcode', 'dots.and-dashes', '{braces}', '"quoted"'];
  const newName = () => {
    counter += 1;
    return chance(0.1) ? `${pick(ODD)} ${counter}` : `S${counter}`;
  };
  const shuffled = (obj) => {
    if (!chance(0.25)) return obj;
    const keys = Object.keys(obj);
    for (let i = keys.length - 1; i > 0; i -= 1) {
      const j = Math.floor(r() * (i + 1));
      [keys[i], keys[j]] = [keys[j], keys[i]];
    }
    return Object.fromEntries(keys.map((k) => [k, obj[k]]));
  };
  const unknown = () => (chance(0.2) ? { [`x-${pick(['ui', 'owner', 'meta'])}`]: pick([{ x: 1, y: [2, 3] }, 'note', 7, null, [true]]) } : {});
  const assign = () => (chance(0.3) ? { Assign: ql === 'JSONata' ? { count: '{% $states.input.n + 1 %}', fixed: 'v' } : { 'count.$': '$.n', fixed: 'v' } } : {});
  const errors = () => pick([['States.ALL'], ['States.TaskFailed'], ['States.Timeout', 'Custom.Error'], ['Lambda.ServiceException'], []]);

  const jsonpathRule = (depth) => {
    const roll = r();
    if (depth < 2 && roll < 0.12) return { And: [jsonpathRule(depth + 1), jsonpathRule(depth + 1)] };
    if (depth < 2 && roll < 0.22) return { Or: [jsonpathRule(depth + 1), jsonpathRule(depth + 1), jsonpathRule(depth + 1)] };
    if (depth < 2 && roll < 0.3) return { Not: jsonpathRule(depth + 1) };
    const [op, value] = pick(JSONPATH_OPS);
    return { Variable: pick(['$.x', '$.a.b', '$$.Execution.Input.flag', '$.list[0]']), [op]: value() };
  };

  const dataFields = (type) => {
    const f = {};
    if (ql === 'JSONPath') {
      if (type !== 'Fail' && type !== 'Succeed' && chance(0.3)) f.InputPath = pick(['$', '$.in', null]);
      if (['Task', 'Parallel', 'Map'].includes(type) && chance(0.4)) f.Parameters = { 'a.$': '$.a', b: 2, 'c.$': 'States.Format(\'{}\', $.x)' };
      if (['Task', 'Parallel', 'Map'].includes(type) && chance(0.3)) f.ResultSelector = { 'r.$': '$.Payload' };
      if (['Task', 'Pass', 'Parallel', 'Map'].includes(type) && chance(0.3)) f.ResultPath = pick(['$.result', null, '$']);
      if (type !== 'Fail' && chance(0.3)) f.OutputPath = '$.out';
      if (type === 'Pass' && chance(0.4)) f.Result = { fixed: [1, 'two', { three: 3 }] };
      if (type === 'Pass' && chance(0.3)) f.Parameters = { 'p.$': '$.p' };
    } else {
      if (['Task', 'Parallel', 'Map'].includes(type) && chance(0.5)) f.Arguments = pick([{ a: '{% $states.input.a %}', b: 2 }, '{% $states.input %}']);
      if (type !== 'Fail' && chance(0.4)) f.Output = pick([{ out: '{% $states.result %}' }, '{% $states.input %}']);
    }
    return { ...f, ...assign() };
  };

  const retries = () => (chance(0.4) ? {
    Retry: Array.from({ length: int(1, 2) }, () => shuffled({
      ErrorEquals: errors(), IntervalSeconds: int(1, 5), MaxAttempts: int(0, 4), BackoffRate: pick([1, 1.5, 2.0]),
      ...(chance(0.3) ? { MaxDelaySeconds: 30 } : {}), ...(chance(0.3) ? { JitterStrategy: pick(['FULL', 'NONE']) } : {}),
      ...(chance(0.1) ? { Comment: 'retry' } : {}),
    })),
  } : {});

  function scope(depth) {
    const count = int(1, depth === 0 ? 6 : 3);
    const names = Array.from({ length: count }, newName);
    const states = {};
    const target = () => pick(names);
    const catches = () => (chance(0.4) ? {
      Catch: Array.from({ length: int(1, 2) }, () => shuffled({
        ErrorEquals: errors(), Next: target(),
        ...(ql === 'JSONPath' && chance(0.5) ? { ResultPath: '$.error' } : {}),
        ...(ql === 'JSONata' && chance(0.5) ? { Output: '{% $states.errorOutput %}' } : {}),
        ...assign(),
      })),
    } : {});
    const flow = (i) => (i < count - 1 && chance(0.8) ? { Next: names[i + 1] } : chance(0.7) ? { End: true } : { Next: target() });
    names.forEach((name, i) => {
      const types = depth < 2 ? ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'] : ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail'];
      const type = pick(types);
      const common = { Type: type, ...(chance(0.2) ? { Comment: `state ${name}` } : {}), ...unknown() };
      if (chance(0.05)) common.QueryLanguage = ql;
      let state;
      switch (type) {
        case 'Task':
          state = { ...common, Resource: pick(['arn:aws:lambda:us-east-1:123456789012:function:Work', 'arn:aws:states:::lambda:invoke',
            'arn:aws:states:::kafka:publish', 'arn:aws:states:us-east-1:123456789012:activity:Act', 'arn:aws:states:::sqs:sendMessage.waitForTaskToken']),
          ...dataFields(type),
          ...(chance(0.3) ? (ql === 'JSONPath' && chance(0.5) ? { TimeoutSecondsPath: '$.timeout' } : { TimeoutSeconds: int(10, 300) }) : {}),
          ...(chance(0.2) ? (ql === 'JSONPath' && chance(0.5) ? { HeartbeatSecondsPath: '$.beat' } : { HeartbeatSeconds: 5 }) : {}), ...(chance(0.1) ? { Credentials: { RoleArn: 'arn:aws:iam::123456789012:role/R' } } : {}),
          ...retries(), ...catches(), ...flow(i) };
          break;
        case 'Pass': state = { ...common, ...dataFields(type), ...flow(i) }; break;
        case 'Choice': {
          const rules = Array.from({ length: int(1, 4) }, () => {
            const base = ql === 'JSONata' ? { Condition: pick(['{% $states.input.x > 1 %}', '{% true %}', '{% $exists($states.input.y) %}']) } : jsonpathRule(0);
            return shuffled({ ...base, ...(chance(0.9) ? { Next: target() } : {}), ...assign(), ...(ql === 'JSONata' && chance(0.2) ? { Output: { r: 1 } } : {}), ...(chance(0.1) ? { Comment: 'rule' } : {}) });
          });
          state = { ...common, Choices: rules, ...(chance(0.6) ? { Default: target() } : {}), ...(ql === 'JSONPath' && chance(0.2) ? { InputPath: '$.c' } : {}), ...assign() };
          break;
        }
        case 'Wait': {
          const v = ql === 'JSONata' ? pick([{ Seconds: 3 }, { Seconds: '{% $states.input.delay %}' }, { Timestamp: '{% $states.input.at %}' }, { Timestamp: '2026-12-04T00:00:00Z' }])
            : pick([{ Seconds: 3 }, { SecondsPath: '$.delay' }, { Timestamp: '2026-12-04T00:00:00Z' }, { TimestampPath: '$.at' }]);
          state = { ...common, ...v, ...dataFields(type), ...flow(i) };
          break;
        }
        case 'Succeed': state = { ...common, ...(ql === 'JSONPath' && chance(0.3) ? { OutputPath: '$.ok' } : {}), ...(ql === 'JSONata' && chance(0.3) ? { Output: { ok: true } } : {}) }; break;
        case 'Fail':
          state = { ...common, ...(ql === 'JSONata' ? pick([{ Error: 'E', Cause: 'C' }, { Error: '{% $states.input.e %}' }, {}])
            : pick([{ Error: 'E', Cause: 'C' }, { ErrorPath: '$.e', CausePath: 'States.Format(\'bad {}\', $.c)' }, {}])) };
          break;
        case 'Parallel':
          state = { ...common, Branches: Array.from({ length: int(1, 3) }, () => shuffled({ ...(chance(0.2) ? { Comment: 'branch' } : {}), ...scope(depth + 1) })),
            ...dataFields(type), ...retries(), ...catches(), ...flow(i) };
          break;
        default: {
          const distributed = chance(0.4);
          const processor = shuffled({
            ...(chance(0.8) ? { ProcessorConfig: distributed ? { Mode: 'DISTRIBUTED', ExecutionType: pick(['STANDARD', 'EXPRESS']) } : { Mode: 'INLINE' } } : {}),
            ...scope(depth + 1),
          });
          const items = ql === 'JSONata' ? (chance(0.5) ? { Items: '{% $states.input.items %}' } : {}) : (chance(0.5) ? { ItemsPath: '$.items' } : {});
          const selector = chance(0.3) ? { ItemSelector: ql === 'JSONata' ? { v: '{% $states.context.Map.Item.Value %}' } : { 'v.$': '$$.Map.Item.Value' } } : {};
          const dist = distributed ? {
            ...(chance(0.6) ? { ItemReader: shuffled({ Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: pick(['CSV', 'JSON', 'JSONL']), CSVHeaderLocation: 'FIRST_ROW', MaxItems: 100 },
              [ql === 'JSONata' ? 'Arguments' : 'Parameters']: { Bucket: 'b', Key: 'k.csv' } }) } : {}),
            ...(chance(0.5) ? { ItemBatcher: { MaxItemsPerBatch: int(1, 50), ...(chance(0.5) ? { MaxInputBytesPerBatch: 262144 } : {}), ...(chance(0.3) ? { BatchInput: { job: 1 } } : {}) } } : {}),
            ...(chance(0.4) ? { ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', [ql === 'JSONata' ? 'Arguments' : 'Parameters']: { Bucket: 'out', Prefix: 'p' },
              ...(chance(0.5) ? { WriterConfig: { OutputType: 'JSONL', Transformation: 'FLATTEN' } } : {}) } } : {}),
            ...(ql === 'JSONPath' && chance(0.3) ? { ToleratedFailurePercentagePath: '$.pct', ToleratedFailureCountPath: '$.count' } : {}),
            ...(chance(0.4) ? { ToleratedFailurePercentage: 10 } : {}), ...(chance(0.3) ? { ToleratedFailureCount: 2 } : {}), ...(chance(0.3) ? { Label: 'lbl' } : {}),
          } : {};
          state = { ...common, ...items, ...selector, [chance(0.15) ? 'Iterator' : 'ItemProcessor']: processor, ...dist,
            ...(chance(0.4) ? (ql === 'JSONPath' && chance(0.3) ? { MaxConcurrencyPath: '$.max' } : { MaxConcurrency: int(0, 10) }) : {}), ...dataFields(type), ...retries(), ...catches(), ...flow(i) };
        }
      }
      states[name] = shuffled(state);
    });
    return { StartAt: names[0], States: states };
  }

  const top = scope(0);
  return shuffled({
    ...(chance(0.5) ? { Comment: `generated ${seed}` } : {}),
    ...(ql === 'JSONata' || chance(0.2) ? { QueryLanguage: ql } : {}),
    ...top,
    ...(chance(0.2) ? { TimeoutSeconds: 3600 } : {}),
    ...(chance(0.1) ? { Version: '1.0' } : {}),
    ...unknown(),
  });
}

/** The state types a definition uses, nested ones included. */
export function typesIn(def, out = new Set()) {
  for (const state of Object.values(def.States || {})) {
    out.add(state.Type);
    (state.Branches || []).forEach((b) => typesIn(b, out));
    if (state.ItemProcessor || state.Iterator) typesIn(state.ItemProcessor || state.Iterator, out);
  }
  return out;
}
