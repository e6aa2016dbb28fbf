// WKT (POINT, LINESTRING, POLYGON and their MULTI forms, CRS84 lon lat) to GeoJSON geometry objects.
// Hand-written: the graph holds only these five shapes and a full WKT library would be larger than this file.
(function () {
  'use strict';
  function parse(wkt) {
    let s = String(wkt).trim();
    if (s.startsWith('<')) s = s.slice(s.indexOf('>') + 1).trim(); // optional CRS IRI prefix
    const m = /^([A-Za-z]+)\s*(.*)$/s.exec(s);
    if (!m) return null;
    const type = m[1].toUpperCase();
    let body = m[2].trim();
    if (/^EMPTY$/i.test(body)) return null;
    const json = body.replace(/\(/g, '[').replace(/\)/g, ']')
      .replace(/(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s+(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(?:\s+-?[\d.eE+-]+)*/g, '[$1,$2]');
    let coords;
    try { coords = JSON.parse(json); } catch (e) { return null; }
    switch (type) {
      case 'POINT': return {type: 'Point', coordinates: coords[0]};
      case 'LINESTRING': return {type: 'LineString', coordinates: coords};
      case 'POLYGON': return {type: 'Polygon', coordinates: coords};
      case 'MULTIPOINT': return {type: 'MultiPoint', coordinates: coords.map(c => Array.isArray(c[0]) ? c[0] : c)};
      case 'MULTILINESTRING': return {type: 'MultiLineString', coordinates: coords};
      case 'MULTIPOLYGON': return {type: 'MultiPolygon', coordinates: coords};
      default: return null;
    }
  }
  function isWkt(value, datatype) {
    return datatype === 'http://www.opengis.net/ont/geosparql#wktLiteral'
      || /^\s*(<[^>]+>\s*)?(MULTI)?(POINT|LINESTRING|POLYGON)\s*\(/i.test(value || '');
  }
  window.kgwkt = {parse, isWkt};
})();
