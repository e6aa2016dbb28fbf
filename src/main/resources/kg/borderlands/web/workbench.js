// SPARQL workbench (workbench.html): CodeMirror 5 editor with SPARQL highlighting and prefix completion,
// the competency questions as examples, results as a sortable table, a map (WKT values), a bar chart
// (numbers by label) or a network (CONSTRUCT/DESCRIBE), CSV/JSON download and a shareable URL (#query=…).
(function () {
  'use strict';
  const {h, clear, getJson} = window.kgdom;
  const ENDPOINT = '/kg/sparql';
  const ID_BASE = 'https://w3id.org/borderlands-kg/id/';
  const XSD = 'http://www.w3.org/2001/XMLSchema#';
  const NUMERIC = ['integer', 'decimal', 'double', 'float', 'long', 'int', 'nonNegativeInteger', 'positiveInteger'].map(t => XSD + t);
  // GeoSPARQL prefixes, besides those the competency questions declare
  const prefixes = new Map([
    ['geo', 'http://www.opengis.net/ont/geosparql#'], ['geof', 'http://www.opengis.net/def/function/geosparql/'],
    ['uom', 'http://www.opengis.net/def/uom/OGC/1.0/'], ['spatial', 'http://jena.apache.org/spatial#'],
    ['spatialF', 'http://jena.apache.org/function/spatial#']
  ]);
  const state = {editor: null, result: null, view: 'table', sort: null, map: null, cy: null, examples: []};

  function showError(msg) { const e = document.getElementById('error'); e.textContent = msg; e.hidden = !msg; }
  function status(msg) { document.getElementById('wb-status').textContent = msg; }

  // ---------- editor and prefixes ----------

  function harvestPrefixes(text) {
    const re = /PREFIX\s+([A-Za-z][\w-]*)?:\s*<([^>]+)>/gi;
    let m;
    while ((m = re.exec(text))) if (m[1] && !prefixes.has(m[1])) prefixes.set(m[1], m[2]);
  }
  function declared(text) {
    const out = new Set();
    const re = /PREFIX\s+([A-Za-z][\w-]*)?:/gi;
    let m;
    while ((m = re.exec(text))) out.add(m[1] || '');
    return out;
  }
  function addMissingPrefixes() {
    const text = state.editor.getValue();
    const have = declared(text);
    const body = text.replace(/^\s*#.*$/gm, '').replace(/<[^>]*>/g, '').replace(/"[^"]*"/g, '');
    const add = [];
    for (const [p, iri] of prefixes) {
      if (!have.has(p) && new RegExp('(^|[^\\w:#/-])' + p + ':[A-Za-z_]').test(body)) add.push('PREFIX ' + p + ': <' + iri + '>');
    }
    if (add.length) state.editor.setValue(add.join('\n') + '\n' + text);
    return add.length;
  }
  /** Completion: prefix names (with their IRI) where a prefixed name is being typed, PREFIX lines after PREFIX. */
  function hint(cm) {
    const cur = cm.getCursor();
    const line = cm.getLine(cur.line);
    let start = cur.ch;
    while (start > 0 && /[\w-]/.test(line.charAt(start - 1))) start--;
    const word = line.slice(start, cur.ch);
    const afterPrefixKeyword = /PREFIX\s+$/i.test(line.slice(0, start));
    const list = [...prefixes].filter(([p]) => p.toLowerCase().startsWith(word.toLowerCase())).map(([p, iri]) => ({
      text: afterPrefixKeyword ? p + ': <' + iri + '>' : p + ':', displayText: p + ':  ' + iri
    }));
    return {list, from: CodeMirror.Pos(cur.line, start), to: CodeMirror.Pos(cur.line, cur.ch)};
  }

  function makeEditor() {
    state.editor = CodeMirror.fromTextArea(document.getElementById('wb-query'), {
      mode: 'application/sparql-query', lineNumbers: true, indentUnit: 2, viewportMargin: Infinity,
      extraKeys: {
        'Ctrl-Space': cm => cm.showHint({hint, completeSingle: false}),
        'Ctrl-Enter': () => run(), 'Cmd-Enter': () => run(),
        Tab: false, 'Shift-Tab': false // keep Tab for moving focus (keyboard users)
      }
    });
    state.editor.on('inputRead', (cm, change) => {
      if (/^[A-Za-z]$/.test(change.text[0]) && !cm.state.completionActive) {
        const cur = cm.getCursor(), before = cm.getLine(cur.line).slice(0, cur.ch);
        if (/(^|[\s({,;.])[A-Za-z]{2,}$/.test(before) && !/^\s*(SELECT|WHERE|FILTER|OPTIONAL|PREFIX|ORDER|GROUP|LIMIT|BIND|VALUES|UNION|CONSTRUCT|ASK|DESCRIBE)$/i.test(before.trim().split(/\s+/).pop())) {
          const r = hint(cm);
          if (r.list.length && r.list.length < prefixes.size) cm.showHint({hint, completeSingle: false});
        }
      }
    });
  }

  // ---------- examples and sharing ----------

  async function loadExamples() {
    const d = await getJson('/api/queries');
    state.examples = d.queries || [];
    const ol = document.getElementById('examples');
    for (const q of state.examples) {
      harvestPrefixes(q.sparql);
      ol.appendChild(h('li', {dataset: {name: q.name}},
        h('a', {href: '#example=' + q.name, onclick: ev => { ev.preventDefault(); loadExample(q.name, true); }}, q.question)));
    }
  }
  function loadExample(name, runIt) {
    const q = state.examples.find(x => x.name === name);
    if (!q) return;
    for (const li of document.querySelectorAll('#examples li')) li.classList.toggle('active', li.dataset.name === name);
    const box = clear(document.getElementById('wb-question'));
    box.append(q.question, q.expected ? h('span', {class: 'expected'}, 'Expected (from the report): ' + q.expected) : '');
    state.editor.setValue(q.sparql);
    if (runIt) run();
  }
  function shareUrl() {
    return location.origin + location.pathname + '#query=' + encodeURIComponent(state.editor.getValue());
  }

  // ---------- running ----------

  function queryForm(text) {
    const body = text.replace(/^\s*#.*$/gm, '').replace(/PREFIX\s+[^>]*>/gi, '').replace(/BASE\s+<[^>]*>/gi, '');
    const m = /\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i.exec(body);
    return m ? m[1].toUpperCase() : 'SELECT';
  }

  async function run() {
    showError('');
    const added = addMissingPrefixes(); // known prefixes the query uses without declaring them
    const text = state.editor.getValue();
    const form = queryForm(text);
    const graph = form === 'CONSTRUCT' || form === 'DESCRIBE';
    status('running…');
    document.body.dataset.resultReady = 'false';
    const t0 = performance.now();
    try {
      const r = await fetch(ENDPOINT, {
        method: 'POST', body: new URLSearchParams({query: text}),
        headers: {Accept: graph ? 'application/rdf+json' : 'application/sparql-results+json'}
      });
      const body = await r.text();
      if (!r.ok) throw new Error(body.split('\n').slice(0, 3).join(' ').slice(0, 400));
      const data = JSON.parse(body);
      state.result = graph ? {form, triples: rdfJsonTriples(data), raw: body} : {form, json: data, raw: body};
      status(describe(state.result) + ' in ' + Math.round(performance.now() - t0) + ' ms'
        + (added ? ' (' + added + ' PREFIX line' + (added > 1 ? 's' : '') + ' added)' : ''));
      history.replaceState(null, '', '#query=' + encodeURIComponent(text));
      render();
    } catch (err) {
      state.result = null;
      status('');
      showError('Query failed: ' + err.message);
      clear(document.getElementById('out-table'));
    }
    document.body.dataset.resultReady = 'true';
  }
  function describe(res) {
    if (res.triples) return res.triples.length + ' triples';
    if (res.json.boolean !== undefined) return 'answer: ' + res.json.boolean;
    return res.json.results.bindings.length + ' rows';
  }
  function rdfJsonTriples(d) {
    const out = [];
    for (const [s, ps] of Object.entries(d)) for (const [p, os] of Object.entries(ps)) for (const o of os) out.push({s, p, o});
    return out;
  }

  // ---------- views ----------

  function compact(iri) {
    for (const [p, base] of prefixes) if (iri.startsWith(base) && /^[\w-]*$/.test(iri.slice(base.length))) return p + ':' + iri.slice(base.length);
    return '<' + iri + '>';
  }
  function cell(t) {
    if (!t) return h('td', {});
    if (t.type === 'uri') {
      const href = t.value.startsWith(ID_BASE) ? '/id/' + t.value.slice(ID_BASE.length) : t.value;
      return h('td', {}, h('a', {href}, compact(t.value)));
    }
    if (t.type === 'bnode') return h('td', {}, '_:' + t.value);
    const num = NUMERIC.includes(t.datatype);
    const short = t.value.length > 300 ? t.value.slice(0, 300) + '…' : t.value;
    return h('td', {class: num ? 'num' : null, title: t.value.length > 300 ? t.value.slice(0, 2000) : null}, short,
      t['xml:lang'] ? h('span', {class: 'lit-type'}, ' @' + t['xml:lang']) : null,
      t.datatype && !num && !t.datatype.endsWith('#string') ? h('span', {class: 'lit-type'}, ' ' + compact(t.datatype)) : null);
  }
  function sortValue(t) {
    if (!t) return '';
    if (NUMERIC.includes(t.datatype)) return Number(t.value);
    return t.value;
  }

  function renderTable() {
    const out = clear(document.getElementById('out-table'));
    const res = state.result;
    if (res.triples) {
      out.appendChild(h('table', {id: 'wb-table'}, h('thead', {}, h('tr', {}, ['subject', 'predicate', 'object'].map(v => h('th', {}, v)))),
        h('tbody', {}, res.triples.map(t => h('tr', {}, cell({type: 'uri', value: t.s}), cell({type: 'uri', value: t.p}), cell(t.o))))));
      return;
    }
    if (res.json.boolean !== undefined) { out.appendChild(h('p', {id: 'wb-table', class: 'answer'}, 'ASK: ' + res.json.boolean)); return; }
    const vars = res.json.head.vars;
    let rows = res.json.results.bindings.slice();
    if (state.sort) {
      const {v, dir} = state.sort;
      rows.sort((a, b) => { const x = sortValue(a[v]), y = sortValue(b[v]); return (x < y ? -1 : x > y ? 1 : 0) * dir; });
    }
    out.appendChild(h('table', {id: 'wb-table'},
      h('thead', {}, h('tr', {}, vars.map(v => h('th', {
        scope: 'col', tabindex: '0', 'aria-sort': state.sort && state.sort.v === v ? (state.sort.dir > 0 ? 'ascending' : 'descending') : null,
        onclick: () => sortBy(v), onkeydown: ev => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); sortBy(v); } }
      }, v)))),
      h('tbody', {}, rows.map(b => h('tr', {}, vars.map(v => cell(b[v])))))));
  }
  function sortBy(v) {
    state.sort = state.sort && state.sort.v === v ? {v, dir: -state.sort.dir} : {v, dir: 1};
    renderTable();
    const th = [...document.querySelectorAll('#wb-table th')].find(x => x.textContent === v);
    if (th) th.focus();
  }

  function geometries() {
    const res = state.result, out = [];
    if (!res || res.triples || res.json.boolean !== undefined) return out;
    for (const b of res.json.results.bindings) {
      for (const [v, t] of Object.entries(b)) {
        if (t.type === 'literal' && window.kgwkt.isWkt(t.value, t.datatype)) {
          const g = window.kgwkt.parse(t.value);
          if (g) out.push({geometry: g, row: b, v});
        }
      }
    }
    return out;
  }
  function chartable() {
    const res = state.result;
    if (!res || res.triples || res.json.boolean !== undefined) return null;
    const vars = res.json.head.vars, rows = res.json.results.bindings;
    if (!rows.length) return null;
    const num = vars.find(v => rows.every(b => b[v] && NUMERIC.includes(b[v].datatype)));
    const lab = vars.find(v => v !== num && rows.every(b => b[v] && !NUMERIC.includes(b[v].datatype) && !window.kgwkt.isWkt(b[v].value, b[v].datatype)));
    return num && lab ? {num, lab} : null;
  }

  function tooltipOf(g) {
    const first = Object.entries(g.row).find(([v, t]) => v !== g.v && !window.kgwkt.isWkt(t.value, t.datatype));
    return first ? (first[1].type === 'uri' ? compact(first[1].value) : first[1].value.slice(0, 80)) : g.v;
  }

  function renderMap() {
    const el = document.getElementById('out-map');
    if (!state.map) {
      state.map = L.map(el, {zoomSnap: 0.25, renderer: L.svg({padding: 1})}).setView([32, 68], 4.5);
      state.map.attributionControl.setPrefix(false);
      state.map.attributionControl.addAttribution('Outlines: Natural Earth (public domain)');
      getJson('/explorer/geo/region.json').then(base => L.geoJSON(base, {interactive: false, style: f =>
        f.properties.layer === 'country' ? {color: '#8a97a6', weight: 1, fillColor: '#f7f4ec', fillOpacity: 1}
          : f.properties.layer === 'province' ? {color: '#b4bcc6', weight: .8, fill: false, dashArray: '3 3'}
            : {color: '#b03a2e', weight: 2}}).addTo(state.map).bringToBack());
      state.resultLayer = L.featureGroup().addTo(state.map);
    }
    state.resultLayer.clearLayers();
    for (const g of geometries()) {
      const popup = h('div', {}, Object.entries(g.row).filter(([v]) => v !== g.v).map(([v, t]) =>
        h('div', {}, h('strong', {}, v + ': '), t.type === 'uri' ? compact(t.value) : t.value.slice(0, 120))));
      L.geoJSON(g.geometry, {
        style: {color: '#1f3a5f', weight: 2, fillColor: '#f39c12', fillOpacity: .35},
        pointToLayer: (f, ll) => L.circleMarker(ll, {radius: 7, color: '#1d2733', weight: 1, fillColor: '#e67e22', fillOpacity: .9})
      }).bindPopup(popup).bindTooltip(tooltipOf(g)).addTo(state.resultLayer);
    }
    setTimeout(() => {
      state.map.invalidateSize();
      const bounds = state.resultLayer.getBounds();
      if (bounds.isValid()) state.map.fitBounds(bounds, {padding: [30, 30], maxZoom: 8});
      document.body.dataset.mapFeatures = String(state.resultLayer.getLayers().length);
    }, 0);
  }

  function renderChart() {
    const c = chartable();
    const out = clear(document.getElementById('out-chart'));
    if (!c) return;
    const rows = state.result.json.results.bindings;
    const max = Math.max(...rows.map(b => Number(b[c.num].value))) || 1;
    // the label of a bar is every non-numeric column of its row, so that rows differing only in, say, the
    // claimant stay apart (two claims of the same measure are two bars, never one)
    const labels = state.result.json.head.vars.filter(v => v !== c.num);
    const text = t => !t ? '' : t.type === 'uri' ? compact(t.value) : t.value;
    out.append(h('p', {class: 'small muted'}, c.num + ' by ' + labels.join(' · ')),
      h('div', {class: 'bars', role: 'list'}, rows.map(b => {
        const bar = h('div', {class: 'bar'}, b[c.num].value);
        bar.style.width = Math.max(4, 100 * Number(b[c.num].value) / max) + '%';
        return [h('div', {class: 'who', role: 'listitem'}, labels.map(v => text(b[v])).filter(Boolean).join(' · ')), bar];
      })));
  }

  function renderNetwork() {
    const el = document.getElementById('out-network');
    const triples = state.result.triples.filter(t => t.o.type === 'uri' || t.o.type === 'bnode');
    const nodes = new Map(), edges = [];
    const node = v => { if (!nodes.has(v)) nodes.set(v, {data: {id: v, label: compact(v)}}); return v; };
    for (const [i, t] of triples.entries()) edges.push({data: {id: 'e' + i, source: node(t.s), target: node(t.o.value), label: compact(t.p)}});
    if (state.cy) state.cy.destroy();
    state.cy = cytoscape({
      container: el, elements: [...nodes.values(), ...edges], wheelSensitivity: 0.3,
      style: [
        {selector: 'node', style: {label: 'data(label)', 'font-size': 9, 'background-color': '#1f6fb8', width: 14, height: 14, color: '#1d2733'}},
        {selector: 'edge', style: {label: 'data(label)', 'font-size': 7, width: 1.2, 'line-color': '#8a97a6', 'target-arrow-shape': 'triangle',
          'target-arrow-color': '#8a97a6', 'curve-style': 'bezier', color: '#5a6675'}}
      ],
      layout: {name: 'cose', animate: false, randomize: false}
    });
    document.body.dataset.networkNodes = String(nodes.size);
  }

  function render() {
    const res = state.result;
    const geo = geometries().length > 0, chart = !!chartable(), net = !!(res && res.triples);
    document.getElementById('tab-map').disabled = !geo;
    document.getElementById('tab-chart').disabled = !chart;
    document.getElementById('tab-network').disabled = !net;
    state.sort = null;
    downloads();
    renderTable();
    show(net ? 'network' : geo ? 'map' : 'table');
  }
  function show(view) {
    state.view = view;
    for (const v of ['table', 'map', 'chart', 'network']) {
      document.getElementById('out-' + v).hidden = v !== view;
      document.getElementById('tab-' + v).setAttribute('aria-selected', String(v === view));
    }
    if (view === 'map') renderMap();
    if (view === 'chart') renderChart();
    if (view === 'network') renderNetwork();
    document.body.dataset.view = view;
  }

  function downloads() {
    const res = state.result;
    const csv = document.getElementById('dl-csv'), json = document.getElementById('dl-json');
    for (const a of [csv, json]) { if (a.href) URL.revokeObjectURL(a.href); a.hidden = true; }
    if (!res) return;
    json.href = URL.createObjectURL(new Blob([res.raw], {type: 'application/json'}));
    json.download = res.triples ? 'results.rdf.json' : 'results.json';
    json.hidden = false;
    if (res.triples || res.json.boolean !== undefined) return;
    const vars = res.json.head.vars;
    const esc = s => /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    const lines = [vars.join(',')].concat(res.json.results.bindings.map(b => vars.map(v => esc(b[v] ? b[v].value : '')).join(',')));
    csv.href = URL.createObjectURL(new Blob([lines.join('\r\n') + '\r\n'], {type: 'text/csv'}));
    csv.hidden = false;
  }

  async function init() {
    try {
      makeEditor();
      await loadExamples();
      document.getElementById('wb-run').addEventListener('click', run);
      document.getElementById('wb-prefixes').addEventListener('click', () => status(addMissingPrefixes() + ' PREFIX lines added'));
      document.getElementById('wb-share').addEventListener('click', async () => {
        const url = shareUrl();
        history.replaceState(null, '', url);
        try { await navigator.clipboard.writeText(url); status('link copied'); } catch (e) { status('link in the address bar'); }
      });
      for (const b of document.querySelectorAll('.result-bar button[data-view]')) b.addEventListener('click', () => show(b.dataset.view));
      const hash = new URLSearchParams(location.hash.slice(1));
      if (hash.get('query')) { state.editor.setValue(hash.get('query')); run(); }
      else if (hash.get('example')) loadExample(hash.get('example'), true);
      else state.editor.setValue('SELECT ?event ?label WHERE {\n  ?event a blk:Attack ; skos:prefLabel ?label .\n}\nLIMIT 20');
      document.body.dataset.ready = 'true';
    } catch (err) {
      showError('Could not start the workbench: ' + err.message);
      throw err;
    }
  }

  window.workbench = {state, run, show, addMissingPrefixes, editor: () => state.editor};
  init();
})();
