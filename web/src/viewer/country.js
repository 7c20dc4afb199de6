// The country scenarios' panel: the region map (web/src/common/map.js) coloured by each frame's
// active share per region, with a legend, and the region <select>. Choosing a region, in the
// select or by a click on the map, calls onView(id) (the viewer POSTs /api/view). Hidden for the
// Epstein scenarios.
import { createMap } from '../common/map.js';
import { shareLegend } from '../common/palette.js';

/** root: the panel; select: the region <select>; mapBox: the map's container. Returns { setState, setShares }. */
export function createCountryView({ root, select, mapBox }, { onView } = {}) {
  let map = null;
  let mapKey = null;
  let regionIds = '';
  let shown = null;

  select.addEventListener('change', () => {
    if (select.value) onView?.(select.value);
  });

  /** Applies a `state` object: shows or hides the panel, rebuilds the map and the list when they change. */
  function setState(state) {
    const country = state?.kind === 'country';
    root.hidden = !country;
    if (!country) {
      if (map) mapBox.replaceChildren();
      map = null;
      mapKey = null;
      regionIds = '';
      return;
    }
    const regions = Array.isArray(state.regions) ? state.regions : [];
    const ids = regions.map((r) => r.id).join('\n');
    if (ids !== regionIds) {
      regionIds = ids;
      select.replaceChildren(...regions.map((r) => new Option(r.name || r.id, r.id)));
    }
    const key = `${state.scenario}\n${ids}`;
    if (state.map && key !== mapKey) {
      mapKey = key;
      mapBox.replaceChildren();
      const names = Object.fromEntries(regions.map((r) => [r.id, r.name || r.id]));
      map = createMap(mapBox, state.map, {
        label: (id) => names[id] || id,
        onSelect: (id) => {
          if (id && id !== select.value) {
            select.value = id;
            onView?.(id);
          }
        },
      });
      mapBox.appendChild(shareLegend());
      if (shown) map.setValues(shown);
    } else if (!state.map && map) {
      mapBox.replaceChildren();
      map = null;
      mapKey = null;
    }
    if (state.region) {
      select.value = state.region;
      map?.select(state.region);
    }
  }

  /** Colours the map by a frame's `regions` ({id: {active_share}}). */
  function setShares(regions) {
    if (!regions) return;
    const values = {};
    for (const [id, r] of Object.entries(regions)) values[id] = r?.active_share ?? null;
    shown = values;
    map?.setValues(values);
  }

  return { setState, setShares };
}
