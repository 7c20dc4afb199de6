// The scenario's parameter panel: one control per key from GET /api/parameters, grouped by
// section (the key's prefix before the dot) in collapsible <details>. Numbers get a range slider
// and an exact text box beside it (the slider's range is capped for huge declared ranges; the box
// takes any value, which the server checks), booleans a checkbox, choices a <select>; text keys
// are not shown. changes() gives only the keys whose value differs from the scenario's.

const NUMERIC = new Set(['real', 'integer']);

/** The least of 1, 2, 5 × 10^k that is >= x (x > 0). */
function niceCeil(x) {
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * p >= x * (1 - 1e-12)) return m * p;
  return 10 * p;
}
/** The greatest of 1, 2, 5 × 10^k that is <= x (x > 0). */
function niceFloor(x) {
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [5, 2, 1]) if (m * p <= x * (1 + 1e-12)) return m * p;
  return p;
}

const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);
const isInfinite = (v) => v === Infinity || (typeof v === 'string' && /^\+?inf(inity)?$/i.test(v.trim()));

/** Slider bounds and step for a numeric spec, or null when it has no finite min < max. */
export function sliderRange(spec) {
  const lo = Number(spec.min);
  const hi = Number(spec.max);
  if (!isNumber(lo) || !isNumber(hi) || !(lo < hi)) return null;
  const integer = spec.type === 'integer';
  let step = isNumber(spec.step) && spec.step > 0 ? spec.step : integer ? 1 : niceFloor((hi - lo) / 200);
  if (integer) step = Math.max(1, Math.round(step));
  // A huge range (a seed, a jail term up to 1e9, a lattice up to 65535) would make the slider
  // useless around the scenario's value: cap it at a round number some 10 times that value.
  const reach = Math.max(
    isNumber(spec.value) ? Math.abs(spec.value - lo) : 0,
    isNumber(spec.default) ? Math.abs(spec.default - lo) : 0,
    10 * step,
    1,
  );
  let top = hi;
  if (hi - lo > 100 * reach) top = Math.min(hi, lo + niceCeil(10 * reach));
  if (integer) top = Math.floor(top);
  return { min: lo, max: top, step, capped: top < hi };
}

/** The text shown for a value in the exact box. */
function show(value) {
  if (isInfinite(value) || value === null) return 'inf';
  return String(value);
}

/** The value to send for the text in an exact box: a number, "inf", or the raw text (the server says what is wrong). */
function parseExact(text) {
  const t = text.trim();
  if (isInfinite(t)) return 'inf';
  if (t !== '' && Number.isFinite(Number(t))) return Number(t);
  return t;
}

let uid = 0;

function numericControl(spec, row) {
  const range = sliderRange(spec);
  const id = `param-${++uid}`;
  const original = isNumber(spec.value) ? spec.value : 'inf';
  let slider = null;
  if (range) {
    slider = document.createElement('input');
    slider.type = 'range';
    slider.id = id;
    slider.min = String(range.min);
    slider.max = String(range.max);
    slider.step = String(range.step);
    slider.value = String(isNumber(spec.value) ? Math.min(spec.value, range.max) : range.max);
    slider.dataset.key = spec.key;
    slider.title = spec.description || spec.key;
    row.appendChild(slider);
  }
  const box = document.createElement('input');
  box.type = 'text';
  box.inputMode = 'decimal';
  box.className = 'exact';
  box.dataset.key = spec.key;
  box.value = show(spec.value);
  box.title = `${spec.description || ''} (${isNumber(spec.min) ? spec.min : '?'} to ${isNumber(spec.max) ? spec.max : '?'})`;
  box.setAttribute('aria-label', `${spec.key} value`);
  if (!slider) box.id = id;
  row.appendChild(box);

  slider?.addEventListener('input', () => {
    box.value = slider.value;
    row.classList.toggle('changed', Number(slider.value) !== original);
  });
  slider?.addEventListener('change', () => (box.value = slider.value));
  box.addEventListener('input', () => {
    const v = parseExact(box.value);
    row.classList.toggle('changed', v !== original);
    if (!slider || !isNumber(v)) return;
    // A value past the capped slider (but within the declared range) stretches it.
    if (v > Number(slider.max) && v <= Number(spec.max)) slider.max = String(v);
    slider.value = String(v);
  });
  return {
    id,
    key: spec.key,
    value: () => parseExact(box.value),
    original,
  };
}

function booleanControl(spec, row) {
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.id = `param-${++uid}`;
  box.checked = Boolean(spec.value);
  box.dataset.key = spec.key;
  box.title = spec.description || spec.key;
  box.addEventListener('change', () => row.classList.toggle('changed', box.checked !== Boolean(spec.value)));
  row.appendChild(box);
  return { id: box.id, key: spec.key, value: () => box.checked, original: Boolean(spec.value) };
}

function choiceControl(spec, row) {
  const select = document.createElement('select');
  select.id = `param-${++uid}`;
  select.dataset.key = spec.key;
  select.title = spec.description || spec.key;
  for (const c of spec.choices || []) select.add(new Option(c, c, false, c === spec.value));
  select.addEventListener('change', () => row.classList.toggle('changed', select.value !== spec.value));
  row.appendChild(select);
  return { id: select.id, key: spec.key, value: () => select.value, original: spec.value };
}

/** Builds the panel inside container; returns { load(specs), changes() }. */
export function createControls(container) {
  let controls = [];

  function load(specs) {
    container.replaceChildren();
    controls = [];
    const sections = new Map();
    for (const spec of specs || []) {
      let make = null;
      if (NUMERIC.has(spec.type)) make = numericControl;
      else if (spec.type === 'boolean') make = booleanControl;
      else if (spec.type === 'choice') make = choiceControl;
      if (!make) continue; // text (and anything newer) is not editable here
      const dot = spec.key.indexOf('.');
      const section = dot > 0 ? spec.key.slice(0, dot) : 'other';
      const name = dot > 0 ? spec.key.slice(dot + 1) : spec.key;
      if (!sections.has(section)) {
        const details = document.createElement('details');
        details.className = 'section';
        details.open = true;
        details.dataset.section = section;
        const summary = document.createElement('summary');
        summary.textContent = section;
        details.appendChild(summary);
        container.appendChild(details);
        sections.set(section, details);
      }
      const row = document.createElement('div');
      row.className = `param param-${spec.type}`;
      row.dataset.key = spec.key;
      row.title = spec.description || spec.key;
      const label = document.createElement('label');
      label.textContent = name;
      row.appendChild(label);
      const control = make(spec, row);
      label.htmlFor = control.id;
      if (spec.unit) {
        const unit = document.createElement('span');
        unit.className = 'unit';
        unit.textContent = spec.unit;
        row.appendChild(unit);
      }
      const about = document.createElement('div');
      about.className = 'about';
      about.textContent = spec.description || '';
      row.appendChild(about);
      sections.get(section).appendChild(row);
      controls.push(control);
    }
  }

  /** {key: value} for every control whose value differs from the scenario's. */
  function changes() {
    const set = {};
    for (const c of controls) {
      const v = c.value();
      if (v !== c.original) set[c.key] = v;
    }
    return set;
  }

  return { load, changes };
}
