// Inspector sections: Map settings (inline and Distributed) and Parallel branches.
import { addBranch, fieldHelp, removeBranch } from './document.js';
import { JsonField, NumberField, Section, SelectField, TextField } from './InspectorFields.jsx';

const h = (name) => fieldHelp[name];

export function MapFields({ ctx, state, jsonata }) {
  const processor = state.ItemProcessor ? 'ItemProcessor' : state.Iterator ? 'Iterator' : 'ItemProcessor';
  const distributed = state[processor]?.ProcessorConfig?.Mode === 'DISTRIBUTED';
  return (
    <>
      <Section title="Items">
        {jsonata ? <JsonField ctx={ctx} path="Items" help={h('Items')} rows={1} />
          : <TextField ctx={ctx} path="ItemsPath" help={h('ItemsPath')} placeholder="$" />}
        <JsonField ctx={ctx} path="ItemSelector" help={h('ItemSelector')} />
        <NumberField ctx={ctx} path="MaxConcurrency" help={h('MaxConcurrency')} placeholder="0" />
        {!jsonata && <TextField ctx={ctx} path="MaxConcurrencyPath" help={h('MaxConcurrencyPath')} />}
      </Section>
      <Section title="Processor">
        <SelectField ctx={ctx} path={`${processor}/ProcessorConfig/Mode`} label="ProcessorConfig.Mode" help={h('ProcessorConfig')}
          options={['INLINE', 'DISTRIBUTED']} empty="INLINE (default)" />
        {distributed && <SelectField ctx={ctx} path={`${processor}/ProcessorConfig/ExecutionType`} label="ProcessorConfig.ExecutionType"
          help="Distributed Map: child workflows run as STANDARD or EXPRESS executions." options={['STANDARD', 'EXPRESS']} />}
      </Section>
      <Section title="Distributed Map" open={distributed}>
        <JsonField ctx={ctx} path="ItemReader" help={h('ItemReader')} />
        <JsonField ctx={ctx} path="ItemBatcher" help={h('ItemBatcher')} />
        <JsonField ctx={ctx} path="ResultWriter" help={h('ResultWriter')} />
        <NumberField ctx={ctx} path="ToleratedFailurePercentage" help={h('ToleratedFailurePercentage')} />
        <NumberField ctx={ctx} path="ToleratedFailureCount" help={h('ToleratedFailureCount')} />
        <TextField ctx={ctx} path="Label" help={h('Label') || 'Distributed Map: a label for the child executions.'} mono={false} />
      </Section>
    </>
  );
}

export function ParallelFields({ ctx, state, node }) {
  const branches = Array.isArray(state.Branches) ? state.Branches : [];
  return (
    <Section title={`Branches (${branches.length})`}>
      <div className="insp-help">{h('Branches')}</div>
      {branches.map((b, i) => (
        <div className="insp-inline" key={i}>
          <span>Branch {i + 1}: {Object.keys(b?.States || {}).length} states</span>
          <button type="button" className="btn btn-small btn-danger" onClick={() => ctx.edit((d) => removeBranch(d, node.scope, node.name, i))}>Remove</button>
        </div>
      ))}
      <button type="button" className="btn btn-small" onClick={() => ctx.edit((d) => addBranch(d, node.scope, node.name))}>+ Branch</button>
    </Section>
  );
}
