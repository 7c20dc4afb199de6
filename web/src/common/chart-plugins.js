// uPlot plugins drawn on the plot's canvas: dated markers (dashed lines with a tooltip on
// hover), shaded x intervals under the series, and a solid "now" line that follows a slider.

// Vertical lines at given x values, dashed, with a tooltip when the cursor comes near one.
export function markersPlugin(markers) {
  let tip;
  return {
    hooks: {
      init: (u) => {
        tip = document.createElement('div');
        tip.className = 'chart-tip';
        tip.hidden = true;
        u.over.appendChild(tip);
      },
      draw: (u) => {
        const { ctx, bbox } = u;
        ctx.save();
        ctx.lineWidth = Math.max(1, devicePixelRatio);
        ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
        for (const m of markers) {
          const x = Math.round(u.valToPos(m.x, 'x', true)) + 0.5;
          if (x < bbox.left || x > bbox.left + bbox.width) continue;
          ctx.strokeStyle = m.colour || 'rgba(80, 80, 80, 0.7)';
          ctx.beginPath();
          ctx.moveTo(x, bbox.top);
          ctx.lineTo(x, bbox.top + bbox.height);
          ctx.stroke();
        }
        ctx.restore();
      },
      setCursor: (u) => {
        const left = u.cursor.left;
        const near = left == null || left < 0 ? [] : markers.filter((m) => Math.abs(u.valToPos(m.x, 'x') - left) <= 5);
        tip.hidden = near.length === 0;
        if (near.length) {
          tip.textContent = near.map((m) => m.label).join('\n');
          const w = u.over.clientWidth;
          tip.style.left = `${Math.min(left + 10, Math.max(0, w - 260))}px`;
          tip.style.top = '4px';
        }
      },
    },
  };
}

// Shaded x intervals drawn under the grid and the series.
export function shadingPlugin(ranges, colour) {
  return {
    hooks: {
      drawClear: (u) => {
        const { ctx, bbox } = u;
        ctx.save();
        ctx.fillStyle = colour;
        for (const [a, b] of ranges) {
          const x0 = Math.max(bbox.left, u.valToPos(a, 'x', true));
          const x1 = Math.min(bbox.left + bbox.width, u.valToPos(b, 'x', true));
          if (x1 > x0) ctx.fillRect(x0, bbox.top, Math.max(1, x1 - x0), bbox.height);
        }
        ctx.restore();
      },
    },
  };
}

// A solid line at now() (an x value or null), redrawn by chart.redraw().
export function nowPlugin(now) {
  return {
    hooks: {
      draw: (u) => {
        const x0 = now();
        if (x0 == null) return;
        const { ctx, bbox } = u;
        const x = Math.round(u.valToPos(x0, 'x', true)) + 0.5;
        ctx.save();
        ctx.strokeStyle = 'rgba(20, 20, 20, 0.85)';
        ctx.lineWidth = 1.5 * devicePixelRatio;
        ctx.beginPath();
        ctx.moveTo(x, bbox.top);
        ctx.lineTo(x, bbox.top + bbox.height);
        ctx.stroke();
        ctx.restore();
      },
    },
  };
}
