// Frame-rate bookkeeping for the viewer and its benchmark: window.__viewerStats holds running
// totals (framesReceived from the stream, framesDrawn on the canvas, rafTicks of
// requestAnimationFrame) and the rolling figures over the last second (fps: frames drawn,
// rafRate: animation-frame ticks, drawMs: the mean time to decode and draw a frame); fps is shown
// in the header twice a second.

/** Returns { received(), drawn(now, ms), tick(now) }; element shows the rolling fps. */
export function createStats(element) {
  const stats = { framesReceived: 0, framesDrawn: 0, rafTicks: 0, fps: 0, rafRate: 0, drawMs: 0 };
  window.__viewerStats = stats;
  const draws = [];
  const costs = [];
  const ticks = [];
  let shownAt = 0;

  const trim = (times, now) => {
    while (times.length && now - times[0] > 1000) times.shift();
  };

  return {
    received() {
      stats.framesReceived++;
    },
    drawn(now, ms = 0) {
      stats.framesDrawn++;
      draws.push(now);
      costs.push(ms);
    },
    tick(now) {
      stats.rafTicks++;
      ticks.push(now);
      trim(ticks, now);
      trim(draws, now);
      costs.splice(0, costs.length - draws.length);
      stats.drawMs = costs.length ? costs.reduce((a, b) => a + b, 0) / costs.length : 0;
      stats.rafRate = ticks.length;
      stats.fps = draws.length;
      if (now - shownAt >= 500) {
        shownAt = now;
        element.textContent = String(stats.fps);
      }
    },
  };
}
