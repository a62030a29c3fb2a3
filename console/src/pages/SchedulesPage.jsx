// "/schedules": every schedule with its expression, time zone, next fire time, state and target
// (a link to the state machine). Reads GET /api/schedules every 5 s; pause and resume in place.
import { useEffect, useState } from 'react';
import { get, post } from '../api.js';
import { dateTime, relative } from '../format.js';
import { Link } from '../router.jsx';
import { machineOf, targetLabel } from '../schedules.js';
import { Card, Empty, Spinner } from '../ui.jsx';

function NextFire({ schedule }) {
  if (schedule.State !== 'ENABLED') return <span className="muted small">paused</span>;
  if (schedule.NextFireTime === undefined) return <span className="muted small">no more firings</span>;
  return <span title={dateTime(schedule.NextFireTime)}>{dateTime(schedule.NextFireTime).slice(0, 19)}<div className="muted small">{relative(schedule.NextFireTime)}</div></span>;
}

export default function SchedulesPage() {
  const [schedules, setSchedules] = useState(null);
  const [error, setError] = useState(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    const load = () => get('/schedules')
      .then((r) => { if (live) { setSchedules(r.Schedules || []); setError(null); } })
      .catch((e) => live && setError(e.message));
    load();
    const timer = setInterval(load, 5000);
    return () => { live = false; clearInterval(timer); };
  }, [tick]);

  const toggle = (s) => post(`/schedules/${encodeURIComponent(s.Name)}/${s.State === 'ENABLED' ? 'pause' : 'resume'}`, {})
    .then(() => setTick((t) => t + 1))
    .catch((e) => setError(e.message));

  return (
    <div className="page" data-testid="schedules-page">
      <div className="page-header">
        <div>
          <h1>Schedules</h1>
          <p className="muted">cron, rate and one-time schedules that start executions (the EventBridge Scheduler analogue).</p>
        </div>
      </div>
      <Card title={schedules ? `${schedules.length} schedule${schedules.length === 1 ? '' : 's'}` : 'Schedules'}>
        {error && <div className="form-error">{error}</div>}
        {!schedules && !error && <Spinner />}
        {schedules && schedules.length === 0 && (
          <Empty>No schedules yet. Create one with `stepstream schedules create` or POST /api/schedules.</Empty>
        )}
        {schedules && schedules.length > 0 && (
          <table className="table" data-testid="schedules-table">
            <thead>
              <tr><th>Name</th><th>Expression</th><th>Next fire time</th><th>State</th><th>Target</th><th /></tr>
            </thead>
            <tbody>
              {schedules.map((s) => (
                <tr key={s.Arn} data-schedule-name={s.Name} data-state={s.State}>
                  <td><b>{s.Name}</b><div className="arn">{s.Arn}</div></td>
                  <td className="mono">{s.ScheduleExpression}<div className="muted small">{s.ScheduleExpressionTimezone}
                    {s.FlexibleTimeWindow?.Mode === 'FLEXIBLE' && `, window ${s.FlexibleTimeWindow.MaximumWindowInMinutes} min`}</div></td>
                  <td><NextFire schedule={s} /></td>
                  <td><span className="tag">{s.State}</span></td>
                  <td>
                    <Link className="strong-link" to={`/state-machines/${encodeURIComponent(machineOf(s.Target.Arn))}`}>
                      {targetLabel(s.Target.Arn)}
                    </Link>
                  </td>
                  <td>
                    <button type="button" className="btn" data-testid={`toggle-${s.Name}`} onClick={() => toggle(s)}>
                      {s.State === 'ENABLED' ? 'Pause' : 'Resume'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
