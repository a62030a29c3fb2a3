// The execution page's timeline (Gantt): one row per state entry (timeline.js), bars coloured by
// status on a shared time axis; Task attempts are segments, so retries and backoff show. Rows
// under a Parallel or Map are indented; a Map's inner states are one aggregate row each.
import { duration } from './format.js';
import { aggregateStatus, rowsOf, ticksOf } from './timeline.js';
import './timeline.css';

const MAX_ROWS = 400;

const pct = (ms, span) => `${Math.max(0, Math.min(100, (ms / span) * 100))}%`;

function Bar({ row, status, t0, span, now }) {
  const start = row.start ?? t0;
  const end = row.end ?? now;
  const retried = row.attempts.length > 1;
  return (
    <div
      className={`tl-bar status-${status.toLowerCase()}`}
      style={{ left: pct(start - t0, span), width: `max(3px, ${pct(end - start, span)})` }}
      title={`${row.name}: ${status.replace('_', ' ').toLowerCase()}, ${duration(end - start)}`}
    >
      {retried && row.attempts.map((a, i) => (
        <span
          // eslint-disable-next-line react/no-array-index-key
          key={i} data-timeline-attempt={i + 1} data-timeline-status={a.status}
          className={`tl-attempt status-${a.status.toLowerCase()}`}
          style={{ left: pct(a.start - start, end - start || 1), width: `max(2px, ${pct((a.end ?? now) - a.start, end - start || 1)})` }}
        />
      ))}
    </div>
  );
}

/**
 * @param timeline a snapshot of createTimelineDeriver
 * @param iterations the page's deriveIterations snapshot (statuses of aggregate rows)
 * @param now the time running bars extend to
 */
export default function Timeline({ timeline, iterations, now, selected, onSelect }) {
  if (!timeline.start || timeline.count === 0) return <div className="muted small">No state has started yet.</div>;
  const t0 = timeline.start;
  const span = Math.max(1, (timeline.end ?? now) - t0);
  const rows = rowsOf(timeline, MAX_ROWS);
  const ticks = ticksOf(span);
  return (
    <div className="timeline" data-testid="timeline" data-timeline-rows={timeline.count}>
      <div className="tl-row tl-axis">
        <div className="tl-label muted small">State</div>
        <div className="tl-track">
          {ticks.map((t) => <span key={t} className="tl-tick" style={{ left: pct(t, span) }}>{duration(t)}</span>)}
        </div>
      </div>
      {rows.map(({ row, depth }) => {
        const status = row.aggregate ? aggregateStatus(row, iterations?.states[row.name]?.counts) : row.status;
        const end = row.end ?? now;
        return (
          <div
            key={row.id}
            className={`tl-row clickable ${selected === row.name ? 'active' : ''}`}
            onClick={() => onSelect(row.name)}
            data-timeline-state={row.name}
            data-timeline-status={status}
            data-timeline-entry={row.aggregate ? undefined : row.entry}
            data-timeline-runs={row.aggregate ? row.runs : undefined}
            data-timeline-attempts={row.aggregate ? undefined : row.attempts.length}
            data-timeline-start-ms={row.start === null ? undefined : row.start - t0}
            data-timeline-duration-ms={row.start === null ? undefined : end - row.start}
            data-timeline-parent={row.parent?.name}
          >
            <div className="tl-label" style={{ paddingLeft: 8 + depth * 14 }}>
              <span className="tl-name">{row.name}</span>
              {row.entry > 1 && <span className="muted small"> #{row.entry}</span>}
              {row.aggregate && <span className="muted small"> × {row.runs}</span>}
              {row.attempts.length > 1 && <span className="muted small"> ({row.attempts.length - 1} {row.attempts.length === 2 ? 'retry' : 'retries'})</span>}
            </div>
            <div className="tl-track">
              {ticks.map((t) => <i key={t} className="tl-grid" style={{ left: pct(t, span) }} />)}
              <Bar row={row} status={status} t0={t0} span={span} now={now} />
              <span
                className="tl-duration muted small"
                style={(end - t0) / span > 0.85
                  ? { right: `calc(${pct(t0 + span - (row.start ?? t0), span)} + 6px)` }
                  : { left: `calc(${pct(end - t0, span)} + 6px)` }}
              >
                {duration(end - (row.start ?? t0))}
              </span>
            </div>
          </div>
        );
      })}
      {timeline.count > rows.length && <div className="muted small">The first {rows.length} of {timeline.count} rows.</div>}
    </div>
  );
}
