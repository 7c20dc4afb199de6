// The map with its time controls: the choropleth of common/map.js, a time slider
// (data-testid="time-slider"), a play/pause button (data-testid="play", about ten periods a
// second, stops at the end and restarts from the start), the current time (data-testid=
// "time-label") and the legend. Without times the map is static.
import { createMap } from '../common/map.js';
import { shareColour, shareLegend } from '../common/palette.js';
import { el, formatTime, percent } from './dom.js';

/**
 * options: { geojson, times (strings, may be empty), initial (index), valuesAt(i) → { id: share },
 *   onSelect(id), onTime(i), legendLabel, rankingTitle, caption }.
 * Returns { map, select(id), setTime(i), time() }.
 */
export function mapPanel(parent, options) {
  const times = options.times || [];
  const root = el('div', { class: 'map-panel' });
  parent.append(root);
  const mapBox = el('div', { class: 'map-box', 'data-testid': 'map' });
  const ranking = el('ol', { class: 'region-ranking', 'data-testid': 'region-ranking' });
  root.append(el('div', { class: 'map-main' }, mapBox, el('div', { class: 'ranking-box' }, el('h3', { text: options.rankingTitle || 'Regions by active share' }), ranking)));
  const map = createMap(mapBox, options.geojson, { width: 720, height: 400, onSelect: (id) => { select(id); options.onSelect?.(id); } });
  const names = Object.fromEntries((options.geojson?.features || []).map((f) => [String(f.properties?.id), f.properties?.name || f.properties?.id]));

  let selected = null;
  function select(id) {
    selected = id;
    map.select(id);
    for (const li of ranking.children) li.classList.toggle('selected', li.dataset.region === id);
  }

  // The regions ranked by value, with bars on the map's colour scale; a click selects, as on the map.
  function rank(values) {
    const rows = Object.keys(names)
      .map((id) => [id, values?.[id]])
      .sort((a, b) => (b[1] ?? -1) - (a[1] ?? -1));
    ranking.replaceChildren(
      ...rows.map(([id, v]) =>
        el(
          'li',
          {
            'data-region': id,
            class: id === selected ? 'selected' : null,
            title: names[id],
            onclick: () => {
              select(id);
              options.onSelect?.(id);
            },
          },
          el('span', { class: 'rank-name', text: names[id].replace(/ \(.*\)$/, '') }),
          el('span', { class: 'rank-bar' }, el('i', { style: `width:${Math.sqrt(Math.max(0, v || 0)) * 100}%;background:${shareColour(v)}` })),
          el('span', { class: 'rank-value', text: percent(v) }),
        ),
      ),
    );
  }

  let index = Math.max(0, Math.min(times.length - 1, options.initial ?? 0));
  let timer = null;
  const controls = el('div', { class: 'map-controls' });
  const label = el('span', { class: 'time-label', 'data-testid': 'time-label' });
  const slider = el('input', {
    type: 'range',
    id: 'time-slider',
    'data-testid': 'time-slider',
    min: 0,
    max: Math.max(0, times.length - 1),
    step: 1,
    value: index,
    'aria-label': 'time',
  });
  const play = el('button', { type: 'button', class: 'play', 'data-testid': 'play', 'aria-label': 'play' }, '▶');

  function setTime(i) {
    index = Math.max(0, Math.min(times.length - 1, i));
    slider.value = String(index);
    label.textContent = times.length ? formatTime(times[index]) : '';
    const values = options.valuesAt(index);
    map.setValues(values);
    rank(values);
    options.onTime?.(index);
  }
  function stop() {
    clearInterval(timer);
    timer = null;
    play.textContent = '▶';
    play.setAttribute('aria-label', 'play');
  }
  function start() {
    if (index >= times.length - 1) setTime(0);
    play.textContent = '⏸';
    play.setAttribute('aria-label', 'pause');
    timer = setInterval(() => {
      if (index >= times.length - 1) stop();
      else setTime(index + 1);
    }, 100);
  }
  slider.addEventListener('input', () => {
    stop();
    setTime(Number(slider.value));
  });
  play.addEventListener('click', () => (timer ? stop() : start()));

  if (times.length > 1) controls.append(play, slider, label);
  controls.append(shareLegend({ label: options.legendLabel }));
  root.append(controls);
  if (options.caption) root.append(el('p', { class: 'caption', text: options.caption }));

  if (times.length) setTime(index);
  else {
    map.setValues(options.valuesAt(0));
    rank(options.valuesAt(0));
  }
  return { map, select, setTime, time: () => index };
}
