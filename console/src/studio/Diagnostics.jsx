// The validator's diagnostics under the canvas; a click selects the state a diagnostic names.
import { stateNameOfPointer } from './pointerNames.js';

export default function Diagnostics({ diagnostics, validating, blocked, onSelect }) {
  const errors = diagnostics.filter((d) => d.severity === 'ERROR');
  return (
    <div className={`studio-diagnostics ${blocked ? 'blocked' : ''}`} data-testid="studio-diagnostics"
      data-result={validating ? 'PENDING' : errors.length ? 'FAIL' : 'OK'} data-count={diagnostics.length}>
      {blocked && <div className="blocked-title" role="alert">Cannot save: fix {errors.length === 1 ? 'this error' : `these ${errors.length} errors`} first</div>}
      {diagnostics.length === 0 ? (
        <div className="muted small">{validating ? 'Validating…' : 'No problems: the definition is valid.'}</div>
      ) : (
        <ul>
          {diagnostics.map((d, i) => {
            const state = stateNameOfPointer(d.pointer);
            return (
              <li key={`${d.code}-${i}`} className={`diagnostic ${d.severity.toLowerCase()}`} data-diagnostic-code={d.code}
                onClick={() => state && onSelect(state)}>
                <span className="tag">{d.severity}</span> <b>{d.code}</b> {d.message}
                {d.pointer && <span className="mono muted"> {d.pointer}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
