// The region map shared by the report and the live viewer: an SVG choropleth drawn offline with
// d3-geo from the scenario's GeoJSON (one <path class="region" data-region="ID"> per feature),
// coloured by shareColour, with a tooltip per region and a click callback.
import { geoArea, geoBounds, geoConicEqualArea, geoPath } from 'd3-geo';
import { shareColour } from './palette.js';

const SVG = 'http://www.w3.org/2000/svg';

// d3-geo reads polygons on the sphere: an exterior ring wound the RFC 7946 way (counter-clockwise)
// means "everything but this region". Rewind any ring that covers more than a hemisphere.
function rewindRing(ring) {
  return geoArea({ type: 'Polygon', coordinates: [ring] }) > 2 * Math.PI ? ring.slice().reverse() : ring;
}
function rewindGeometry(g) {
  if (!g) return g;
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(rewindRing) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map((p) => p.map(rewindRing)) };
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map(rewindGeometry) };
  return g;
}

const formatShare = (v) => (v == null || Number.isNaN(v) ? 'no data' : `${(v * 100).toFixed(v < 0.01 ? 2 : 1)} %`);

/**
 * Draws the map into container. options: width/height (default: the container's size, else
 * 640×380), onSelect(id) called on a click, format(value) for the tooltip, label(id) for names.
 * Returns { setValues(valuesById), select(id), element }.
 */
export function createMap(container, geojson, options = {}) {
  const features = (geojson?.features || []).map((f) => ({ ...f, geometry: rewindGeometry(f.geometry) }));
  const collection = { type: 'FeatureCollection', features };
  const width = options.width || container.clientWidth || 640;
  const height = options.height || Math.round(width * 0.56) || 380;
  const format = options.format || formatShare;

  // An equal-area conic centred on the data, its standard parallels at a sixth and five sixths.
  const [[x0, y0], [x1, y1]] = features.length ? geoBounds(collection) : [[-10, -10], [10, 10]];
  const projection = geoConicEqualArea()
    .rotate([-(x0 + x1) / 2, 0])
    .parallels([y0 + (y1 - y0) / 6, y1 - (y1 - y0) / 6])
    .fitExtent([[4, 4], [width - 4, height - 4]], collection);
  const path = geoPath(projection);

  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'region-map');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', '100%');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', options.ariaLabel || 'map of the regions');

  const byId = new Map();
  for (const f of features) {
    const id = String(f.properties?.id ?? f.id ?? '');
    const name = f.properties?.name || id;
    const el = document.createElementNS(SVG, 'path');
    el.setAttribute('class', 'region');
    el.setAttribute('data-region', id);
    el.setAttribute('d', path(f) || '');
    el.setAttribute('fill', shareColour(null));
    const title = document.createElementNS(SVG, 'title');
    title.textContent = name;
    el.appendChild(title);
    el.addEventListener('click', () => {
      select(id);
      options.onSelect?.(id);
    });
    svg.appendChild(el);
    byId.set(id, { el, title, name });
  }
  container.appendChild(svg);
  // The boundaries' licence may require it (OpenStreetMap's ODbL does): the scenario's
  // country.map_attribution, carried in the GeoJSON as a foreign member.
  if (geojson?.attribution) {
    const note = document.createElement('p');
    note.className = 'map-attribution';
    note.setAttribute('data-testid', 'map-attribution');
    note.style.cssText = 'margin:2px 0 0;font-size:11px;color:#666';
    note.textContent = geojson.attribution;
    container.appendChild(note);
  }

  function setValues(values) {
    for (const [id, r] of byId) {
      const v = values ? values[id] : null;
      r.el.setAttribute('fill', shareColour(v));
      r.el.setAttribute('data-value', v == null ? '' : String(v));
      r.title.textContent = `${r.name}: ${format(v)}`;
    }
  }

  function select(id) {
    for (const [rid, r] of byId) r.el.classList.toggle('selected', rid === id);
    // draw the selected outline on top
    const r = byId.get(id);
    if (r) svg.appendChild(r.el);
  }

  return { setValues, select, element: svg };
}
