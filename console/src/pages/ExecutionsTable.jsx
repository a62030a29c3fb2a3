// A server-paged table of executions (AWS list items), shared by "/executions" and a state machine's page.
import { dateTime, duration, toMillis } from '../format.js';
import { Link } from '../router.jsx';
import { Empty, StatusBadge } from '../ui.jsx';

export default function ExecutionsTable({ executions, showMachine }) {
  if (!executions) return null;
  if (executions.length === 0) return <Empty>No executions match.</Empty>;
  return (
    <table className="table" data-testid="executions-table">
      <thead>
        <tr>
          <th>Name</th>
          {showMachine && <th>State machine</th>}
          <th>Status</th>
          <th>Started</th>
          <th>Duration</th>
        </tr>
      </thead>
      <tbody>
        {executions.map((e) => {
          const start = toMillis(e.startDate);
          const stop = toMillis(e.stopDate);
          return (
            <tr key={e.executionArn} data-execution-name={e.name}>
              <td><Link className="strong-link mono" to={`/executions/${encodeURIComponent(e.executionArn)}`}>{e.name}</Link></td>
              {showMachine && (
                <td><Link to={`/state-machines/${encodeURIComponent(e.stateMachineArn)}`}>{e.stateMachineArn.split(':')[6]}</Link></td>
              )}
              <td><StatusBadge status={e.status} /></td>
              <td className="mono small">{dateTime(e.startDate)}</td>
              <td className="small">{stop ? duration(stop - start) : <span className="muted">running {duration(Date.now() - start)}</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
