// Helpers of the triggers page (docs/triggers.md), kept free of JSX for the unit tests.

/** The state machine (page) a trigger's target names: a version's or alias's qualifier is dropped. */
export function machineOf(target) {
  const parts = String(target).split(':');
  return parts.length > 7 ? parts.slice(0, 7).join(':') : String(target);
}

/** "running / limit" for a trigger with a concurrency limit, or null without one. */
export function concurrencyText(trigger) {
  if (!trigger.maxConcurrency) return null;
  const running = trigger.metrics?.executionsRunning;
  return running === undefined ? `– / ${trigger.maxConcurrency}` : `${running} / ${trigger.maxConcurrency}`;
}
