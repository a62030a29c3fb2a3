// The Choice rule builder: JSONPath rules (Variable, a comparison operator and its value; And/Or/Not
// as JSON) or JSONata rules (Condition); each rule's Next, and the Default.
import { fieldHelp, placeholderRule } from './document.js';
import { Field, JsonField, pointerOf, Section, SelectField, setDeep, TextField, useMember } from './InspectorFields.jsx';

const h = (name) => fieldHelp[name];
const COMPARED = ['String', 'Numeric', 'Timestamp'];
const RELATIONS = ['Equals', 'LessThan', 'GreaterThan', 'LessThanEquals', 'GreaterThanEquals'];
export const OPERATORS = [
  ...COMPARED.flatMap((t) => RELATIONS.flatMap((r) => [`${t}${r}`, `${t}${r}Path`])),
  'StringMatches', 'BooleanEquals', 'BooleanEqualsPath',
  'IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp',
];
const COMPOUND = ['And', 'Or', 'Not'];

/** The value an operator takes, converted from the text typed. */
export function operandOf(operator, text) {
  if (operator.endsWith('Path') || operator.startsWith('String') || operator.startsWith('Timestamp')) return text;
  if (operator.startsWith('Numeric')) return Number.isFinite(Number(text)) && text.trim() !== '' ? Number(text) : text;
  return text === 'true' ? true : text === 'false' ? false : text;
}

function OperatorRule({ ctx, path, rule }) {
  const operator = OPERATORS.find((op) => rule[op] !== undefined) || OPERATORS[0];
  const m = useMember(ctx, `${path}/${operator}`);
  const setOperator = (next) => ctx.edit((d) => {
    const value = rule[operator] === undefined ? '' : String(rule[operator]);
    const out = setDeep(d, pointerOf(ctx.base, `${path}/${operator}`), undefined);
    return setDeep(out, pointerOf(ctx.base, `${path}/${next}`), operandOf(next, next.startsWith('Is') || next.startsWith('Boolean') ? 'true' : value));
  });
  return (
    <>
      <TextField ctx={ctx} path={`${path}/Variable`} label="Variable" help={h('Variable')} placeholder="$.value" />
      <Field label="Operator and value" errors={m.errors} pointer={m.pointer}>
        <div className="insp-inline">
          <select className="select" value={operator} data-testid="rule-operator" onChange={(e) => setOperator(e.target.value)}>
            {OPERATORS.map((op) => <option key={op}>{op}</option>)}
          </select>
          <input className="input mono" key={`${operator}:${String(rule[operator])}`} defaultValue={rule[operator] === undefined ? '' : String(rule[operator])}
            data-testid="rule-value" onBlur={(e) => e.target.value !== String(rule[operator]) && m.set(operandOf(operator, e.target.value))} />
        </div>
      </Field>
    </>
  );
}

function Rule({ ctx, index, rule, jsonata, targets }) {
  const path = `Choices/${index}`;
  const compound = COMPOUND.find((c) => rule[c] !== undefined);
  return (
    <>
      {jsonata ? <TextField ctx={ctx} path={`${path}/Condition`} label="Condition" help={h('Condition')} placeholder="{% $states.input.x > 1 %}" />
        : compound ? <JsonField ctx={ctx} path={`${path}/${compound}`} label={compound} help={h(compound)} rows={4} />
          : <OperatorRule ctx={ctx} path={path} rule={rule} />}
      <SelectField ctx={ctx} path={`${path}/Next`} label="Next" help="The state this rule moves to." options={targets} />
      {jsonata && <JsonField ctx={ctx} path={`${path}/Output`} label="Output" help={h('Output')} rows={2} />}
      <JsonField ctx={ctx} path={`${path}/Assign`} label="Assign" help={h('Assign')} rows={2} />
      <TextField ctx={ctx} path={`${path}/Comment`} label="Comment" mono={false} />
    </>
  );
}

export default function ChoiceRules({ ctx, state, jsonata, targets }) {
  const rules = Array.isArray(state.Choices) ? state.Choices : [];
  const { set, errors, pointer } = useMember(ctx, 'Choices');
  const add = (kind) => {
    const base = kind === 'And' || kind === 'Or' ? { [kind]: [placeholderRule('JSONPath'), placeholderRule('JSONPath')] } : placeholderRule(jsonata ? 'JSONata' : 'JSONPath');
    set([...rules, targets.length ? { ...base, Next: targets[0] } : base]);
  };
  return (
    <Section title={`Choice rules (${rules.length})`}>
      <Field label="" help={h('Choices')} errors={errors.filter((e) => e.pointer === pointer)} pointer={pointer} />
      {rules.map((rule, i) => (
        <div className="insp-entry" key={i} data-entry={`Choices/${i}`} data-rule={i}>
          <div className="insp-entry-head">
            <b>Rule #{i + 1}</b>
            <button type="button" className="btn btn-small btn-danger" onClick={() => set(rules.filter((_, j) => j !== i))}>Remove</button>
          </div>
          <Rule ctx={ctx} index={i} rule={rule || {}} jsonata={jsonata} targets={targets} />
        </div>
      ))}
      <div className="insp-inline">
        <button type="button" className="btn btn-small" data-action="add-rule" onClick={() => add('rule')}>+ Rule</button>
        {!jsonata && <button type="button" className="btn btn-small" onClick={() => add('And')}>+ And rule</button>}
        {!jsonata && <button type="button" className="btn btn-small" onClick={() => add('Or')}>+ Or rule</button>}
      </div>
      <SelectField ctx={ctx} path="Default" label="Default" help={h('Default')} options={targets} empty="(none)" />
    </Section>
  );
}
