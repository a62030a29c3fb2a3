// "/metrics-dashboard": per task topic throughput, latency percentiles, failures and consumer lag
// (which workers fall behind), plus timers pending and dead letters. Reads GET
// /api/metrics-summary (the meters /metrics exports, and consumer lag from Kafka) every 2 s.
import { useEffect, useRef, useState } from 'react';
import { get } from '../api.js';
import { dateTime } from '../format.js';
import { formatNumber, isBehind, pushSample, ratesOf } from '../metrics.js';
import { Card, Empty, Spinner } from '../ui.jsx';
import '../metrics.css';

const REFRESH_MS = 2000;

function Tile({ label, value, metric, raw, hint }) {
  return (
    <div className="metric-tile" data-metric={metric} data-value={raw ?? ''}>
      <span>{label}</span>
      <b>{value}</b>
      {hint && <small className="muted">{hint}</small>}
    </div>
  );
}

function Sparkline({ values }) {
  const points = values.filter((v) => v !== null);
  if (points.length < 2) return <svg className="sparkline" aria-hidden="true" />;
  const max = Math.max(1, ...points);
  const step = 80 / (points.length - 1);
  const d = points.map((v, i) => `${i === 0 ? 'M' : 'L'}${(i * step).toFixed(1)},${(22 - (v / max) * 20).toFixed(1)}`).join(' ');
  return <svg className="sparkline" viewBox="0 0 80 24" aria-hidden="true"><path d={d} /></svg>;
}

function Latency({ latency, results }) {
  if (!latency || !latency.count) {
    // Results applied before the API (and its meters) started are counted but not timed.
    return <td className="muted small" colSpan={4}>{results ? 'not timed' : 'no results yet'}</td>;
  }
  return ['p50', 'p95', 'p99', 'max'].map((k) => <td key={k} className="mono num" data-latency={k}>{formatNumber(latency[k], 1)}</td>);
}

function Consumers({ task, lagHistory }) {
  if (!task.consumers.length) return <span className="muted small">no consumer group</span>;
  return (
    <div className="consumers">
      {task.consumers.map((c) => {
        const behind = isBehind(lagHistory[`${c.group}|${task.task}`] || [c.lag], c.members);
        return (
          <span
            key={c.group} className={`consumer ${behind ? 'behind' : ''}`} data-consumer-group={c.group}
            data-lag={c.lag} data-members={c.members} data-behind={behind}
            title={`${c.members} member(s); ${c.lag} record(s) not read yet`}
          >
            {c.group} <b>{formatNumber(c.lag)}</b>{behind && ' behind'}
          </span>
        );
      })}
    </div>
  );
}

function TaskTable({ summary, rates, history, lagHistory }) {
  if (!summary.tasks.length) return <Empty>No task has been dispatched yet. Start an execution with a Task state.</Empty>;
  return (
    <table className="table metrics-table" data-testid="task-metrics">
      <thead>
        <tr>
          <th>Task topic</th><th className="num">Dispatched/s</th><th>Trend</th><th className="num">Dispatched</th>
          <th className="num">Succeeded</th><th className="num">Failed</th>
          <th className="num">p50 ms</th><th className="num">p95 ms</th><th className="num">p99 ms</th><th className="num">max ms</th>
          <th className="num">Lag</th><th>Workers (consumer groups)</th>
        </tr>
      </thead>
      <tbody>
        {summary.tasks.map((t) => {
          const r = rates.tasks[t.task] || {};
          const failRate = t.succeeded + t.failed ? t.failed / (t.succeeded + t.failed) : 0;
          return (
            <tr
              key={t.task} data-task={t.task} data-dispatched={t.dispatched} data-succeeded={t.succeeded}
              data-failed={t.failed} data-lag={t.lag ?? ''} data-records={t.records ?? ''}
              data-p50={t.latencyMillis?.p50 ?? ''} data-p95={t.latencyMillis?.p95 ?? ''} data-p99={t.latencyMillis?.p99 ?? ''}
            >
              <td className="mono">{t.task}</td>
              <td className="mono num" data-rate="dispatched">{formatNumber(r.dispatched, 1)}</td>
              <td><Sparkline values={history[t.task] || []} /></td>
              <td className="mono num">{formatNumber(t.dispatched)}</td>
              <td className="mono num">{formatNumber(t.succeeded)}</td>
              <td className={`mono num ${t.failed ? 'fail' : ''}`}>{formatNumber(t.failed)}{t.failed ? ` (${formatNumber(failRate * 100, 1)}%)` : ''}</td>
              <Latency latency={t.latencyMillis} results={t.succeeded + t.failed} />
              <td className={`mono num ${t.lag ? 'warn' : ''}`}>{formatNumber(t.lag)}</td>
              <td><Consumers task={t} lagHistory={lagHistory} /></td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export default function MetricsPage() {
  const [state, setState] = useState({ summary: null, rates: null, history: {}, lagHistory: {}, appliedHistory: [] });
  const [error, setError] = useState(null);
  const [paused, setPaused] = useState(false);
  const previous = useRef(null);

  useEffect(() => {
    if (paused) return undefined;
    let live = true;
    const load = () => get('/metrics-summary').then((summary) => {
      if (!live) return;
      const rates = ratesOf(summary, previous.current);
      previous.current = summary;
      setError(null);
      setState((old) => {
        const history = { ...old.history };
        for (const t of summary.tasks) history[t.task] = pushSample(history[t.task], rates.tasks[t.task]?.dispatched ?? null);
        const lagHistory = { ...old.lagHistory };
        for (const t of summary.tasks) {
          for (const c of t.consumers) lagHistory[`${c.group}|${t.task}`] = pushSample(lagHistory[`${c.group}|${t.task}`], c.lag).slice(-5);
        }
        return { summary, rates, history, lagHistory, appliedHistory: pushSample(old.appliedHistory, rates.applied) };
      });
    }).catch((e) => live && setError(e.message));
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => { live = false; clearInterval(timer); };
  }, [paused]);

  const { summary, rates, history, lagHistory, appliedHistory } = state;
  return (
    <div className="page" data-testid="metrics-dashboard">
      <div className="page-header">
        <div>
          <h1>Metrics</h1>
          <p className="muted small">
            This instance&apos;s meters (the ones <a href="/metrics">/metrics</a> exports) and, from Kafka, the lag of every
            worker group. Refreshes every {REFRESH_MS / 1000} s.
          </p>
        </div>
        <div className="header-actions">
          {summary && <span className="muted small" data-testid="metrics-updated" data-at={summary.at}>Updated {dateTime(summary.at / 1000)}</span>}
          <button type="button" className="btn" onClick={() => setPaused(!paused)} data-testid="metrics-pause">{paused ? 'Resume' : 'Pause'}</button>
        </div>
      </div>
      {error && <div className="form-error">Could not read the metrics: {error}</div>}
      {!summary ? <Spinner /> : (
        <>
          {summary.kafkaError && <div className="form-error" data-testid="kafka-error">{summary.kafkaError}</div>}
          <div className="metric-tiles">
            <Tile label="Applied / s" metric="applied-rate" raw={rates.applied} value={formatNumber(rates.applied, 1)} hint={<Sparkline values={appliedHistory} />} />
            <Tile label="Applied" metric="applied" raw={summary.processor.applied} value={formatNumber(summary.processor.applied)} hint="commands, results, timers" />
            <Tile label="Timers pending" metric="timers-pending" raw={summary.timersPending} value={formatNumber(summary.timersPending)} hint={`${formatNumber(summary.processor.timersFired)} fired`} />
            <Tile label="Dead letters" metric="dead-letters" raw={summary.deadLetters} value={formatNumber(summary.deadLetters)} hint={`${formatNumber(summary.processor.deadLettered)} by this instance`} />
            <Tile label="Ignored" metric="ignored" raw={summary.processor.ignored} value={formatNumber(summary.processor.ignored)} hint="stale tokens, finished executions" />
          </div>
          <Card title="Task topics">
            <TaskTable summary={summary} rates={rates} history={history} lagHistory={lagHistory} />
          </Card>
        </>
      )}
    </div>
  );
}
