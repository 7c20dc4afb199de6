// The server-sent event stream GET /api/stream (docs/viewer.md): `state` events go straight to
// onState; `frame` events are parsed as they come (their counts feed the time series) and handed
// to onFrame, and the viewer keeps only the newest for drawing. EventSource reconnects by itself
// after a dropped connection; onStatus hears 'live' or 'reconnecting'.

/** Opens the stream; returns { close() }. */
export function connectStream(url, { onState, onFrame, onStatus } = {}) {
  const source = new EventSource(url);
  source.addEventListener('open', () => onStatus?.('live'));
  source.addEventListener('error', () => onStatus?.(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting'));
  source.addEventListener('state', (event) => {
    let state;
    try {
      state = JSON.parse(event.data);
    } catch {
      return; // a torn event: the next one will do
    }
    onState?.(state);
  });
  source.addEventListener('frame', (event) => {
    let frame;
    try {
      frame = JSON.parse(event.data);
    } catch {
      return;
    }
    onFrame?.(frame);
  });
  return { close: () => source.close() };
}
