// Small DOM and formatting helpers for the report's modules.

/** el('div', { class: 'x', dataset: { a: 1 } }, child, 'text', …) → the element. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

/** A titled section appended to parent; returns its body element. */
export function section(parent, title, attrs = {}) {
  const body = el('div', { class: 'section-body' });
  parent.append(el('section', { class: 'panel', ...attrs }, el('h2', { text: title }), body));
  return body;
}

/** A table from column titles and rows of cells (strings, numbers or nodes). */
export function table(columns, rows, attrs = {}) {
  const numeric = columns.map((_, j) => rows.length > 0 && rows.every((r) => r[j] == null || typeof r[j] === 'number'));
  return el(
    'table',
    { class: 'data-table', ...attrs },
    el('thead', {}, el('tr', {}, columns.map((c, j) => el('th', { class: numeric[j] ? 'num' : null, text: c })))),
    el(
      'tbody',
      {},
      rows.map((r) => el('tr', {}, r.map((c, j) => el('td', { class: numeric[j] ? 'num' : null }, formatCell(c))))),
    ),
  );
}

/** Cells: integers with separators, fractions with three significant digits, null as a dash. */
export function formatCell(v) {
  if (v == null) return '–';
  if (v instanceof Node) return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    return Number.isInteger(v) ? v.toLocaleString('en-US') : (+v.toPrecision(3)).toString();
  }
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

/** "2022-01-05T14:00" → "5 Jan 2022 14:00" (the scenario's local time, shown as written). */
export function formatTime(t) {
  if (!t) return '–';
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d))?/.exec(t);
  if (!m) return String(t);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][+m[2] - 1];
  return `${+m[3]} ${month} ${m[1]}${m[4] ? ` ${m[4]}:${m[5]}` : ''}`;
}

/** Percent with one decimal (two below 1 %). */
export const percent = (x) => (x == null || Number.isNaN(x) ? '–' : x === 0 ? '0 %' : `${(x * 100).toFixed(x < 0.01 && x > 0 ? 2 : 1)} %`);
