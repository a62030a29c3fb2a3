// The metrics dashboard's arithmetic over successive GET /api/metrics-summary answers: rates
// from counter deltas, and which worker groups fall behind.

export const HISTORY_SAMPLES = 30;
export const STUCK_LAG = 100;

/** Per second, from two readings of a counter `dt` ms apart; null without a previous reading. */
export function rate(now, before, dt) {
  if (before === undefined || before === null || now === undefined || now === null || dt <= 0) return null;
  return Math.max(0, ((now - before) * 1000) / dt);
}

/**
 * Rates of a summary against the previous one: `applied` (processor), and per task
 * `dispatched` and `completed` (succeeded + failed) per second.
 */
export function ratesOf(summary, previous) {
  const dt = previous ? summary.at - previous.at : 0;
  const before = new Map((previous?.tasks || []).map((t) => [t.task, t]));
  const tasks = {};
  for (const t of summary.tasks) {
    const p = before.get(t.task);
    tasks[t.task] = {
      dispatched: rate(t.dispatched, p?.dispatched, dt),
      completed: rate(t.succeeded + t.failed, p ? p.succeeded + p.failed : undefined, dt),
    };
  }
  return { applied: rate(summary.processor.applied, previous?.processor.applied, dt), tasks };
}

/**
 * Whether a consumer group falls behind: it has records to read and nobody to read them, or its
 * lag grew over the recent readings, or it has kept a backlog of STUCK_LAG records or more
 * without reading any of it down. A small steady lag (an uncommitted last record) is not.
 * @param lags the group's lag in the recent readings, oldest first, the current one last
 */
export function isBehind(lags, members) {
  const current = lags[lags.length - 1] || 0;
  if (current === 0) return false;
  if (members === 0) return true;
  if (lags.length < 2) return false;
  return current > lags[0] || (current >= STUCK_LAG && lags.every((lag, i) => i === 0 || lag >= lags[i - 1]));
}

/** Appends a sample, keeping the last HISTORY_SAMPLES. */
export function pushSample(list, value) {
  const next = [...(list || []), value];
  return next.length > HISTORY_SAMPLES ? next.slice(next.length - HISTORY_SAMPLES) : next;
}

/** A number for a tile or a cell: 1234567 -> "1,234,567", a rate with one decimal. */
export function formatNumber(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
