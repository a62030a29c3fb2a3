// A history builder shared by the console's unit tests (not a test file itself).

const T0 = 1_700_000_000_000;

/**
 * append(type, details, previousEventId, atMillis) adds an event in the engine's shape and returns its
 * id; without atMillis an event is stepMillis after the one before.
 */
export function builder(stepMillis = 1) {
  const events = [];
  const append = (type, details, previous, at) => {
    const id = events.length + 1;
    const event = { id, previousEventId: previous ?? id - 1, type, timestamp: (T0 + (at ?? id * stepMillis)) / 1000 };
    if (details) {
      const key = type.endsWith('StateEntered') ? 'stateEnteredEventDetails'
        : type.endsWith('StateExited') ? 'stateExitedEventDetails'
          : `${type[0].toLowerCase()}${type.slice(1)}EventDetails`;
      event[key] = details;
    }
    events.push(event);
    return id;
  };
  return { events, append };
}
