// Inspector sections: the Retry and Catch lists of Task, Parallel and Map states.
import { fieldHelp } from './document.js';
import { Field, JsonField, NumberField, Section, SelectField, TextField, useMember } from './InspectorFields.jsx';

const h = (name) => fieldHelp[name];

/** ErrorEquals as a comma-separated list. */
function ErrorEqualsField({ ctx, path }) {
  const m = useMember(ctx, path);
  const text = Array.isArray(m.value) ? m.value.join(', ') : '';
  return (
    <Field label="ErrorEquals" help={h('ErrorEquals')} errors={m.errors} pointer={m.pointer}>
      <input className="input mono" defaultValue={text} key={text} data-testid={`field-${path}`}
        onBlur={(e) => {
          const list = e.target.value.split(',').map((x) => x.trim()).filter(Boolean);
          if (list.join(', ') !== text) m.set(list);
        }} />
    </Field>
  );
}

function ListSection({ ctx, state, member, title, make, render }) {
  const list = Array.isArray(state[member]) ? state[member] : [];
  const { set } = useMember(ctx, member);
  const remove = (i) => set(list.length > 1 ? list.filter((_, j) => j !== i) : undefined);
  return (
    <Section title={`${title} (${list.length})`} open={list.length > 0}>
      <div className="insp-help">{h(member)}</div>
      {list.map((entry, i) => (
        <div className="insp-entry" key={i} data-entry={`${member}/${i}`}>
          <div className="insp-entry-head">
            <b>#{i + 1}</b>
            <button type="button" className="btn btn-small btn-danger" onClick={() => remove(i)}>Remove</button>
          </div>
          {render(`${member}/${i}`, entry)}
        </div>
      ))}
      {make && <button type="button" className="btn btn-small" data-action={`add-${member.toLowerCase()}`} onClick={() => set([...list, make()])}>+ Add</button>}
    </Section>
  );
}

export function RetryList({ ctx, state }) {
  return (
    <ListSection ctx={ctx} state={state} member="Retry" title="Retry"
      make={() => ({ ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 3, BackoffRate: 2 })}
      render={(p) => <>
        <ErrorEqualsField ctx={ctx} path={`${p}/ErrorEquals`} />
        <div className="insp-grid">
          <NumberField ctx={ctx} path={`${p}/IntervalSeconds`} label="IntervalSeconds" help={h('IntervalSeconds')} placeholder="1" />
          <NumberField ctx={ctx} path={`${p}/MaxAttempts`} label="MaxAttempts" help={h('MaxAttempts')} placeholder="3" />
          <NumberField ctx={ctx} path={`${p}/BackoffRate`} label="BackoffRate" help={h('BackoffRate')} placeholder="2.0" />
          <NumberField ctx={ctx} path={`${p}/MaxDelaySeconds`} label="MaxDelaySeconds" help={h('MaxDelaySeconds')} />
        </div>
        <SelectField ctx={ctx} path={`${p}/JitterStrategy`} label="JitterStrategy" help={h('JitterStrategy')} options={['FULL', 'NONE']} />
      </>} />
  );
}

export function CatchList({ ctx, state, jsonata, targets }) {
  return (
    <ListSection ctx={ctx} state={state} member="Catch" title="Catch"
      make={targets.length ? () => ({ ErrorEquals: ['States.ALL'], Next: targets[0] }) : null}
      render={(p) => <>
        <ErrorEqualsField ctx={ctx} path={`${p}/ErrorEquals`} />
        <SelectField ctx={ctx} path={`${p}/Next`} label="Next" help={h('Next')} options={targets} />
        {jsonata ? <JsonField ctx={ctx} path={`${p}/Output`} label="Output" help={h('Output')} rows={2} />
          : <TextField ctx={ctx} path={`${p}/ResultPath`} label="ResultPath" help={h('ResultPath')} placeholder="$" />}
        <JsonField ctx={ctx} path={`${p}/Assign`} label="Assign" help={h('Assign')} rows={2} />
      </>} />
  );
}
