// Inspector sections: input/output processing for both query languages, Task, Wait and Fail.
import { fieldHelp } from './document.js';
import { Field, JsonField, NumberField, pointerOf, Section, setDeep, TextField, useMember } from './InspectorFields.jsx';

const h = (name) => fieldHelp[name];
const RESULT_STATES = new Set(['Task', 'Parallel', 'Map']);

/** JSONPath: InputPath, Parameters, ResultSelector, ResultPath, OutputPath; JSONata: Arguments, Output. Assign for both. */
export function DataFields({ ctx, type, jsonata }) {
  const takesParameters = type === 'Task' || type === 'Pass' || type === 'Parallel';
  return (
    <Section title={jsonata ? 'Arguments, output and variables (JSONata)' : 'Input and output (JSONPath)'}>
      {jsonata ? <>
        {(type === 'Task' || type === 'Parallel') && <JsonField ctx={ctx} path="Arguments" help={h('Arguments')} />}
        <JsonField ctx={ctx} path="Output" help={h('Output')} />
      </> : <>
        {type !== 'Succeed' && <TextField ctx={ctx} path="InputPath" help={h('InputPath')} placeholder="$" />}
        {takesParameters && <JsonField ctx={ctx} path="Parameters" help={h('Parameters')} />}
        {RESULT_STATES.has(type) && <JsonField ctx={ctx} path="ResultSelector" help={h('ResultSelector')} />}
        {(RESULT_STATES.has(type) || type === 'Pass') && <TextField ctx={ctx} path="ResultPath" help={h('ResultPath')} placeholder="$" />}
        <TextField ctx={ctx} path="OutputPath" help={h('OutputPath')} placeholder="$" />
      </>}
      {type !== 'Succeed' && type !== 'Fail' && <JsonField ctx={ctx} path="Assign" help={h('Assign')} />}
    </Section>
  );
}

export function TaskFields({ ctx, jsonata }) {
  return (
    <Section title="Task">
      <TextField ctx={ctx} path="Resource" help={h('Resource')} />
      <NumberField ctx={ctx} path="TimeoutSeconds" help={h('TimeoutSeconds')} placeholder="99999999" />
      {!jsonata && <TextField ctx={ctx} path="TimeoutSecondsPath" help={h('TimeoutSecondsPath')} />}
      <NumberField ctx={ctx} path="HeartbeatSeconds" help={h('HeartbeatSeconds')} />
      {!jsonata && <TextField ctx={ctx} path="HeartbeatSecondsPath" help={h('HeartbeatSecondsPath')} />}
      <JsonField ctx={ctx} path="Credentials" help={h('Credentials')} rows={2} />
    </Section>
  );
}

const WAIT_KINDS = ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'];

export function WaitFields({ ctx, state, jsonata }) {
  const kinds = jsonata ? WAIT_KINDS.slice(0, 2) : WAIT_KINDS;
  const current = WAIT_KINDS.find((k) => state[k] !== undefined) || 'Seconds';
  const m = useMember(ctx, current);
  const choose = (kind) => ctx.edit((d) => {
    let out = d;
    for (const k of WAIT_KINDS) if (k !== kind && state[k] !== undefined) out = setDeep(out, pointerOf(ctx.base, k), undefined);
    return setDeep(out, pointerOf(ctx.base, kind), kind === 'Seconds' ? 5 : kind === 'Timestamp' ? new Date(Date.now() + 3600e3).toISOString().replace(/\.\d+Z$/, 'Z') : '$.wait');
  });
  return (
    <Section title="Wait">
      <Field label="Wait for" help={h(current)} errors={m.errors} pointer={m.pointer}>
        <select className="select" value={current} data-testid="wait-kind" onChange={(e) => choose(e.target.value)}>
          {kinds.map((k) => <option key={k}>{k}</option>)}
        </select>
      </Field>
      {current === 'Seconds' && !jsonata ? <NumberField ctx={ctx} path="Seconds" label="Seconds" />
        : <TextField ctx={ctx} path={current} label={current} />}
    </Section>
  );
}

export function FailFields({ ctx, jsonata }) {
  return (
    <Section title="Fail">
      <TextField ctx={ctx} path="Error" help={h('Error')} />
      <TextField ctx={ctx} path="Cause" help={h('Cause')} mono={false} />
      {!jsonata && <>
        <TextField ctx={ctx} path="ErrorPath" help={h('ErrorPath')} />
        <TextField ctx={ctx} path="CausePath" help={h('CausePath')} />
      </>}
    </Section>
  );
}
