// Formatting helpers. AWS timestamps are epoch seconds (with a fraction).

export function toMillis(t) {
  if (t === undefined || t === null) return null;
  return typeof t === 'number' ? Math.round(t * 1000) : Date.parse(t);
}

export function dateTime(t) {
  const ms = toMillis(t);
  if (ms === null || Number.isNaN(ms)) return '—';
  const d = new Date(ms);
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export function duration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(s < 10 ? 2 : 1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s - m * 60)} s`;
  const h = Math.floor(m / 60);
  return `${h} h ${m - h * 60} min`;
}

export function relative(t) {
  const ms = toMillis(t);
  if (ms === null) return '';
  const diff = Date.now() - ms;
  if (diff < 60_000) return 'just now';
  if (diff < 3_600_000) return `${Math.floor(diff / 60_000)} min ago`;
  if (diff < 86_400_000) return `${Math.floor(diff / 3_600_000)} h ago`;
  return `${Math.floor(diff / 86_400_000)} d ago`;
}

/** The name part of a state machine or execution ARN. */
export function arnName(arn) {
  if (!arn) return '';
  const parts = arn.split(':');
  return parts[6] || arn;
}

/** Pretty JSON from a value or a JSON string (AWS payloads are strings). */
export function pretty(value) {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value, null, 2);
}

/** The parsed ASL definition of a described state machine, or null (none yet, or not JSON). */
export function definitionOf(machine) {
  if (!machine) return null;
  try {
    return JSON.parse(machine.definition);
  } catch {
    return null;
  }
}
