// Timeline, map and claim threads of borderlands-kg (atlas.html). Data: /api/story/* (SPARQL JSON results of
// the queries in kg/borderlands/serve/story/), footnotes and sources: /api/entity/{id}. Libraries: vis-timeline
// (bundled from npm) and Leaflet (WebJar); the base map is Natural Earth (public domain) from /explorer/geo/.
(function () {
  'use strict';
  const {h, clear, getJson, rows, ids, footnotes} = window.kgdom;
  const FIRST_YEAR = 2001;
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const CATEGORIES = {
    violence: {label: 'violence and military action', colour: '#c0392b',
      kinds: ['Attack', 'SuicideAttack', 'Bombing', 'Airstrike', 'ArtilleryStrike', 'BorderClash', 'Conflict', 'MilitaryOperation', 'PrisonBreak']},
    diplomacy: {label: 'talks, visits, statements', colour: '#1f6fb8',
      kinds: ['NegotiationRound', 'Talks', 'Visit', 'Ceasefire', 'Statement', 'GatheringEvent']},
    people: {label: 'displacement and deportation', colour: '#7d3c98', kinds: ['Deportation', 'Displacement', 'RepatriationPhase', 'Arrest', 'Release']},
    policy: {label: 'policy, trade and borders', colour: '#1e8449',
      kinds: ['PolicyMeasure', 'TradeRestriction', 'BorderClosure', 'BorderReopening', 'VisaRequirement', 'Election', 'Merger', 'Founding', 'Protest']},
    other: {label: 'other events', colour: '#6b7786', kinds: []}
  };
  const state = {
    events: [], byId: new Map(), places: new Map(), labels: new Map(), claims: [], figures: [],
    selected: null, monthOn: false, month: 298, timeline: null, map: null, markers: new Map(), visible: []
  };

  function category(kind) {
    for (const [k, c] of Object.entries(CATEGORIES)) if (c.kinds.includes(kind)) return k;
    return 'other';
  }
  /** A decimal as written in the report: 23.0 → 23. */
  function num(v) { const n = Number(v); return Number.isFinite(n) ? String(n) : v; }
  function label(id) {
    return state.labels.get(id) || (state.places.get(id) || {}).label || (state.byId.get(id) || {}).label || id;
  }
  function kindLabel(kind) { return kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(); }
  function showError(msg) { const e = document.getElementById('error'); e.textContent = msg; e.hidden = false; }
  function monthStart(i) { return new Date(Date.UTC(FIRST_YEAR + Math.floor(i / 12), i % 12, 1)); }
  function monthEnd(i) { return new Date(Date.UTC(FIRST_YEAR + Math.floor((i + 1) / 12), (i + 1) % 12, 1)); }
  function monthLabel(i) { return MONTHS[i % 12] + ' ' + (FIRST_YEAR + Math.floor(i / 12)); }
  function monthIndex(ym) {
    const m = /^(\d{4})-(\d{2})$/.exec(ym || '');
    return m ? (Number(m[1]) - FIRST_YEAR) * 12 + Number(m[2]) - 1 : null;
  }
  function day(s) { return new Date(s + 'T00:00:00Z'); }
  function nextDay(s) { const d = day(s); d.setUTCDate(d.getUTCDate() + 1); return d; }

  // ---------- data ----------

  async function load() {
    const [ev, pl, cl, fi, lb] = await Promise.all(['events', 'places', 'claims', 'figures', 'labels']
      .map(n => getJson('/api/story/' + n, 'application/sparql-results+json')));
    for (const r of rows(lb)) state.labels.set(r.id, r.label);
    for (const r of rows(pl)) {
      const p = state.places.get(r.id) || {id: r.id, label: r.label, kind: r.kind, within: r.within, point: null, outline: null};
      if (r.wkt) {
        const g = window.kgwkt.parse(r.wkt);
        if (g && g.type === 'Point') p.point = {lat: g.coordinates[1], lon: g.coordinates[0], source: r.source};
        else if (g) p.outline = {geometry: g, source: r.source};
      }
      state.places.set(r.id, p);
    }
    state.claims = rows(cl);
    state.figures = rows(fi);
    state.events = rows(ev).map(r => {
      const approx = r.approximate === 'true' || /^(~|mid-)/.test(r.text || '');
      const e = Object.assign(r, {
        places: ids(r.places), actors: ids(r.actors), contested: r.contested === 'true',
        approx, cat: category(r.kind), dayPrecise: r.earliest === r.latest
      });
      e.casualties = maxCasualties(e.id);
      e.locations = locateAll(e);
      e.located = e.locations[0] || null;
      return e;
    });
    for (const e of state.events) state.byId.set(e.id, e);
  }

  /** The largest casualty figure any source gives for the event (never a sum of competing figures). */
  function maxCasualties(id) {
    let max = 0;
    for (const f of state.figures) if (f.event === id && /killed|dead|casualt/i.test(f.measure)) max = Math.max(max, Number(f.value) || 0);
    return max;
  }

  /** Where an event is drawn: each of its places below country level with a point, else that place's parent's point. */
  function locateAll(e) {
    const out = [];
    for (const pid of e.places) {
      let p = state.places.get(pid), via = null, hops = 0;
      if (!p || p.kind === 'Country') continue;
      while (p && !p.point && p.within && hops++ < 4) { via = via || p; p = state.places.get(p.within); }
      if (p && p.point && p.kind !== 'Country' && !out.some(l => l.place.id === p.id)) out.push({place: p, via});
    }
    return out.sort((a, b) => a.place.id.localeCompare(b.place.id));
  }

  // ---------- filters ----------

  function filtered() {
    const kind = val('f-kind'), actor = val('f-actor'), place = val('f-place'), contested = val('f-contested');
    return state.events.filter(e =>
      (!kind || e.kind === kind || ('cat:' + e.cat) === kind)
      && (!actor || e.actors.includes(actor))
      && (!place || e.places.includes(place) || e.locations.some(l => l.place.id === place))
      && (!contested || (contested === 'yes') === e.contested));
  }
  function inMonth(e) {
    if (!state.monthOn) return true;
    return day(e.earliest) < monthEnd(state.month) && nextDay(e.latest) > monthStart(state.month);
  }
  function val(id) { return document.getElementById(id).value; }

  function fillFilters() {
    const kinds = [...new Set(state.events.map(e => e.kind))].sort();
    const kindSel = document.getElementById('f-kind');
    for (const [k, c] of Object.entries(CATEGORIES)) kindSel.appendChild(h('option', {value: 'cat:' + k}, '— ' + c.label));
    for (const k of kinds) kindSel.appendChild(h('option', {value: k}, kindLabel(k)));
    const actors = [...new Set(state.events.flatMap(e => e.actors))].sort((a, b) => label(a).localeCompare(label(b)));
    const actorSel = document.getElementById('f-actor');
    for (const a of actors) actorSel.appendChild(h('option', {value: a}, label(a)));
    const places = [...new Set(state.events.flatMap(e => e.places))].sort((a, b) => label(a).localeCompare(label(b)));
    const placeSel = document.getElementById('f-place');
    for (const p of places) placeSel.appendChild(h('option', {value: p}, label(p)));
    const legend = document.getElementById('legend');
    for (const c of Object.values(CATEGORIES)) {
      const dot = h('span', {class: 'dot'});
      dot.style.background = c.colour;
      legend.appendChild(h('div', {}, dot, c.label));
    }
    for (const id of ['f-kind', 'f-actor', 'f-place', 'f-contested']) document.getElementById(id).addEventListener('change', refresh);
  }

  // ---------- timeline ----------

  function timelineItems(events) {
    return events.map(e => {
      const item = {
        id: e.id, content: e.label, title: e.label + ' — ' + (e.text || e.earliest) + (e.approx ? ' (approximate)' : ''),
        start: day(e.earliest),
        className: ['ev-' + e.id, 'cat-' + e.cat, e.approx ? 'approx' : '', e.contested ? 'contested-item' : ''].join(' ').trim()
      };
      if (e.dayPrecise) item.type = 'point';
      else { item.type = 'range'; item.end = nextDay(e.latest); }
      return item;
    });
  }

  function makeTimeline() {
    const el = document.getElementById('timeline');
    state.items = new vis.DataSet(timelineItems(state.events));
    state.timeline = new vis.Timeline(el, state.items, {
      stack: true, zoomMin: 1000 * 60 * 60 * 24 * 4, zoomMax: 1000 * 60 * 60 * 24 * 365 * 60,
      min: new Date(Date.UTC(1945, 0, 1)), max: new Date(Date.UTC(2027, 0, 1)),
      // day-precise events first, so that they are not buried under the month-, year- and decade-long bars
      order: (a, b) => ((a.type === 'point' ? 0 : 1) - (b.type === 'point' ? 0 : 1)) || (a.start - b.start),
      orientation: 'top', selectable: true, showTooltips: true, margin: {item: 4},
      height: '100%', verticalScroll: true, horizontalScroll: false, zoomKey: 'ctrlKey'
    });
    // no start/end in the options: vis-timeline then shows itself on its first draw, without waiting for a
    // 'rangechanged' event that a headless browser may never deliver
    state.timeline.setWindow(new Date(Date.UTC(2025, 0, 1)), new Date(Date.UTC(2026, 2, 15)), {animation: false});
    state.timeline.on('select', p => { if (p.items.length) select(p.items[0], 'timeline'); });
    el.addEventListener('keydown', ev => {
      if (ev.key !== 'ArrowRight' && ev.key !== 'ArrowLeft') return;
      ev.preventDefault();
      step(ev.key === 'ArrowRight' ? 1 : -1);
    });
  }

  function step(delta) {
    const list = state.visible;
    if (!list.length) return;
    const i = list.findIndex(e => e.id === state.selected);
    const next = list[Math.max(0, Math.min(list.length - 1, i < 0 ? 0 : i + delta))];
    select(next.id, 'keyboard');
  }

  // ---------- map ----------

  async function makeMap() {
    const map = L.map('map', {renderer: L.svg({padding: 1}), fadeAnimation: false, zoomSnap: 0.25, minZoom: 3, maxZoom: 11, attributionControl: true, keyboard: true, worldCopyJump: false})
      .setView([32.2, 69.6], 5.75);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution('Outlines: Natural Earth (public domain)');
    const base = await getJson('/explorer/geo/region.json');
    L.geoJSON(base, {
      interactive: false,
      style: f => f.properties.layer === 'country'
        ? {color: '#8a97a6', weight: 1, fillColor: '#f7f4ec', fillOpacity: 1}
        : f.properties.layer === 'province'
          ? {color: '#b4bcc6', weight: .8, fill: false, dashArray: '3 3'}
          : {color: '#b03a2e', weight: 2.5, opacity: .85}
    }).addTo(map);
    // outlines of the provinces the report names, from the graph (with their source)
    for (const p of state.places.values()) {
      if (!p.outline || p.kind === 'Country' || p.outline.geometry.type.includes('Line')) continue;
      L.geoJSON(p.outline.geometry, {style: {color: '#5d6d7e', weight: 1.4, fillColor: '#f0e6cc', fillOpacity: .35}})
        .bindTooltip(p.label + ' (outline: ' + p.outline.source.split(',')[0] + ')', {sticky: true})
        .on('click', () => showPlace(p.id)).addTo(map);
    }
    for (const p of state.places.values()) {
      if (!p.point || p.kind === 'Country') continue;
      const m = L.circleMarker([p.point.lat, p.point.lon], {radius: 3, color: '#1d2733', weight: 1, fillColor: '#fff', fillOpacity: 1})
        .bindTooltip(p.label, {permanent: ['Capital', 'City'].includes(p.kind), direction: 'right', className: 'place-label', offset: [4, 0]})
        .on('click', () => showPlace(p.id));
      m.addTo(map);
    }
    state.eventLayer = L.layerGroup().addTo(map);
    state.map = map;
  }

  function drawEvents(events) {
    state.eventLayer.clearLayers();
    state.markers.clear();
    state.allMarkers = [];
    const perPlace = new Map();
    let unplaced = 0;
    for (const e of events) {
      if (!e.located) { unplaced++; continue; }
      for (const loc of e.locations) drawAt(e, loc, perPlace);
    }
    document.getElementById('map-note').textContent = events.length - unplaced + ' events on the map; ' + unplaced
      + ' placed only at country level or at a place without coordinates are on the timeline only.';
  }

  function drawAt(e, loc, perPlace) {
    const p = loc.place;
    const n = perPlace.get(p.id) || 0;
    perPlace.set(p.id, n + 1);
    // several events at one place: spread them on a small spiral so that each stays clickable
    const a = n * 2.4, r = n === 0 ? 0 : 0.045 * Math.sqrt(n);
    const m = L.circleMarker([p.point.lat + r * Math.sin(a), p.point.lon + r * Math.cos(a)], {
      radius: 6 + 2 * Math.sqrt(e.casualties), color: '#1d2733', weight: e.id === state.selected ? 3 : 1,
      dashArray: e.approx ? '3 2' : null, fillColor: CATEGORIES[e.cat].colour, fillOpacity: .78
    }).bindTooltip(e.label + ' — ' + (e.text || e.earliest), {direction: 'top'})
      .on('click', () => { select(e.id, 'map'); showPlaceEvents(p.id, loc.via); });
    m.eventId = e.id;
    m.addTo(state.eventLayer);
    if (!state.markers.has(e.id)) state.markers.set(e.id, m);
    state.allMarkers.push(m);
  }

  // ---------- selection and panel ----------

  function refresh() {
    const list = filtered();
    const shown = new Set(list.map(e => e.id));
    state.items.clear();
    state.items.add(timelineItems(list));
    state.visible = list.filter(inMonth);
    drawEvents(state.visible);
    document.getElementById('f-count').textContent = list.length + ' of ' + state.events.length + ' events'
      + (state.monthOn ? ', ' + state.visible.length + ' in ' + monthLabel(state.month) : '');
    if (state.selected && shown.has(state.selected)) state.timeline.setSelection([state.selected]);
    document.body.dataset.eventsShown = String(state.visible.length);
    document.body.dataset.refreshed = String(Date.now());
  }

  function select(id, from) {
    const e = state.byId.get(id);
    if (!e) return;
    state.selected = id;
    if (from !== 'timeline') {
      state.timeline.setSelection([id]);
      if (from !== 'map') state.timeline.focus(id, {animation: false});
    }
    for (const m of state.allMarkers || []) m.setStyle({weight: m.eventId === id ? 3 : 1});
    const m = state.markers.get(id);
    if (m && from !== 'map') state.map.panTo(m.getLatLng(), {animate: false});
    history.replaceState(null, '', '#/time?event=' + encodeURIComponent(id) + (state.monthOn ? '&month=' + isoMonth(state.month) : ''));
    showEvent(e);
  }
  function isoMonth(i) { return (FIRST_YEAR + Math.floor(i / 12)) + '-' + String(i % 12 + 1).padStart(2, '0'); }

  async function showEvent(e) {
    const panel = clear(document.getElementById('detail'));
    panel.dataset.event = e.id;
    const precision = e.dayPrecise ? 'day' : (e.unit || 'period').toLowerCase();
    panel.append(...[
      h('div', {class: 'nav-buttons'},
        h('button', {type: 'button', onclick: () => step(-1), 'aria-label': 'previous event'}, '← previous'),
        h('button', {type: 'button', onclick: () => step(1), 'aria-label': 'next event'}, 'next →')),
      h('h2', {id: 'detail-title'}, e.label),
      h('div', {class: 'meta'}, kindLabel(e.kind), ' · ', e.text || (e.earliest + ' – ' + e.latest),
        ' (', precision, ' precision)', e.contested ? h('span', {class: 'contested'}, 'contested') : null),
      e.approx ? h('div', {class: 'approx-note'}, 'The report gives this date only approximately.') : null,
      h('div', {class: 'actions'}, h('a', {href: '/id/' + e.id}, 'Linked Data page'),
        e.actors.length ? h('a', {href: '/#/actor/' + e.actors[0]}, 'Open ' + label(e.actors[0]) + ' in the network') : null),
      e.partOf ? h('div', {class: 'meta'}, 'Part of ', h('a', {href: '#', class: 'rec', onclick: ev => { ev.preventDefault(); select(e.partOf); }}, label(e.partOf))) : null
    ].filter(Boolean));
    panel.append(h('h4', {}, 'Participants'), h('ul', {class: 'participants'}, e.actors.map(a =>
      h('li', {}, h('a', {href: '/#/actor/' + a}, label(a))))));
    panel.append(h('h4', {}, 'Place'), h('ul', {class: 'places'}, e.places.map(p => h('li', {},
      h('a', {href: '#', onclick: ev => { ev.preventDefault(); showPlace(p); }}, label(p)),
      e.locations.filter(l => l.via && l.via.id === p).map(l =>
        h('span', {class: 'muted small'}, ' (drawn at ' + l.place.label + ', which has a point)'))))));
    const figs = state.figures.filter(f => f.event === e.id);
    if (figs.length) panel.append(h('h4', {}, 'Figures (with who gives them)'), h('ul', {class: 'figures-list'}, figs.map(f =>
      h('li', {class: 'figure-row'}, h('span', {class: 'value'}, num(f.value) + (f.valueMax ? '–' + num(f.valueMax) : '')),
        h('span', {}, f.measure, h('span', {class: 'muted'}, ' according to ', ids(f.reportedBy).map(label).join(', ')), ' ', footnotes(f.footnotes))))));
    const claims = state.claims.filter(c => ids(c.aboutIds).includes(e.id) && !c.respondsTo);
    const answers = state.claims.filter(c => ids(c.aboutIds).includes(e.id) && c.respondsTo);
    if (claims.length || answers.length) {
      panel.append(h('h4', {}, 'Claims about it'), h('div', {class: 'claims-list'},
        claims.map(c => thread(c)), answers.filter(a => !claims.some(c => c.id === a.respondsTo)).map(a => thread(a))));
    }
    panel.append(h('h4', {}, 'Sources'), h('div', {class: 'meta'}, 'Footnotes: ', footnotes(e.footnotes)));
    try {
      const d = await getJson('/api/entity/' + encodeURIComponent(e.id));
      if (panel.dataset.event !== e.id) return;
      if (d.description) panel.insertBefore(h('p', {class: 'description'}, d.description), panel.querySelector('h4'));
      panel.append(h('ul', {class: 'sources'}, (d.sources || []).map(s => h('li', {},
        h('a', {href: '/id/' + s.id}, 'fn ' + s.footnote), s.section ? ' — ' + s.section.number + ' ' + s.section.label : '',
        (s.works || []).length ? h('div', {class: 'works'}, s.works.map(w => [w.label || '', w.publisher ? ', ' + w.publisher : '', w.date ? ' (' + w.date + ')' : '']).map(x => h('div', {}, x))) : null))));
    } catch (err) {
      panel.append(h('p', {class: 'muted'}, 'Sources could not be loaded: ' + err.message));
    }
    document.body.dataset.detail = e.id;
  }

  function showPlace(id) { showPlaceEvents(id, null, true); }

  function showPlaceEvents(id, via, replacePanel) {
    const p = state.places.get(id);
    if (!p) return;
    const here = state.events.filter(e => e.places.includes(id) || e.locations.some(l => l.place.id === id));
    const list = h('ul', {class: 'place-events'}, here.map(e => h('li', {},
      h('a', {href: '#', onclick: ev => { ev.preventDefault(); select(e.id); }}, e.label), ' ', h('span', {class: 'dates'}, e.text || e.earliest))));
    const content = h('div', {}, h('strong', {}, p.label), ' ', h('span', {class: 'muted'}, kindLabel(p.kind)),
      p.point ? h('div', {class: 'small muted'}, 'Point: ' + p.point.source) : h('div', {class: 'small muted'}, 'No verifiable point.'),
      p.outline ? h('div', {class: 'small muted'}, 'Outline: ' + p.outline.source) : null,
      h('div', {}, here.length + ' event' + (here.length === 1 ? '' : 's') + ' here:'), list);
    if (replacePanel) {
      const panel = clear(document.getElementById('detail'));
      panel.dataset.event = '';
      panel.dataset.place = id;
      panel.append(h('h2', {id: 'detail-title'}, p.label), content);
      document.body.dataset.detail = id;
    } else if (p.point) {
      L.popup({maxWidth: 320}).setLatLng([p.point.lat, p.point.lon]).setContent(content).openOn(state.map);
    }
  }

  // ---------- claims ----------

  function claimLine(c) {
    return h('div', {class: 'claim', dataset: {claim: c.id}},
      h('span', {class: 'claim-type ' + c.kind}, kindLabel(c.kind)), ' ',
      h('span', {class: 'who'}, ids(c.claimants).map(label).join(', ')), ': ',
      h('a', {href: '/id/' + c.id}, c.label),
      h('span', {class: 'when'}, c.text || (c.earliest || '')), ' ',
      c.quote ? h('blockquote', {}, '“' + c.quote + '”') : null,
      h('span', {class: 'fn'}, footnotes(c.footnotes)));
  }
  function thread(c, depth) {
    const responses = state.claims.filter(r => r.respondsTo === c.id);
    return h('div', {class: depth ? 'claim-responses' : 'thread', dataset: depth ? {} : {thread: c.id}},
      claimLine(c), responses.map(r => thread(r, (depth || 0) + 1)));
  }

  function renderThreads() {
    const by = val('group-by');
    const roots = state.claims.filter(c => !c.respondsTo || !state.claims.some(x => x.id === c.respondsTo));
    const groups = new Map();
    for (const c of roots) {
      const keys = by === 'act' ? [c.act || 'Other'] : (ids(c.accusedIds).length ? ids(c.accusedIds) : ['(no one accused)']);
      for (const k of keys) { if (!groups.has(k)) groups.set(k, []); groups.get(k).push(c); }
    }
    const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
    const box = clear(document.getElementById('threads'));
    for (const [k, cs] of sorted) {
      box.appendChild(h('section', {class: 'thread-group', dataset: {group: k}},
        h('h3', {}, (by === 'act' ? kindLabel(k) : 'accused: ' + label(k)) + ' (' + cs.length + ')'), cs.map(c => thread(c))));
    }
  }

  function renderContestedFigures() {
    const groups = new Map();
    for (const f of state.figures) {
      if (!f.event) continue;
      const k = f.event + '|' + f.measure;
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(f);
    }
    const box = clear(document.getElementById('contested-figures'));
    for (const [k, fs] of groups) {
      const reporters = new Set(fs.map(f => f.reportedBy));
      if (reporters.size < 2) continue;
      const [event, measure] = k.split('|');
      const max = Math.max(...fs.map(f => Number(f.valueMax || f.value) || 0)) || 1;
      box.appendChild(h('div', {class: 'fig-group', dataset: {event, measure}},
        h('h3', {}, measure),
        h('div', {class: 'meta'}, h('a', {href: '#/time?event=' + event}, (state.byId.get(event) || {}).label || event)),
        h('div', {class: 'bars', role: 'list'}, fs.map((f, i) => {
          const bar = h('div', {class: 'bar side-' + (i % 4), dataset: {value: num(f.value)}}, num(f.value) + (f.valueMax ? '–' + num(f.valueMax) : ''));
          bar.style.width = Math.max(8, 100 * (Number(f.valueMax || f.value) || 0) / max) + '%';
          return [h('div', {class: 'who', role: 'listitem'}, ids(f.reportedBy).map(label).join(', '), ' ', footnotes(f.footnotes)), bar];
        }))));
    }
  }

  // ---------- date slider ----------

  function setMonth(i, on) {
    state.month = i;
    state.monthOn = on;
    document.getElementById('month').value = String(i);
    document.getElementById('month-on').checked = on;
    document.getElementById('month-label').textContent = on ? monthLabel(i) : 'any date';
    try { localStorage.setItem('bkg-month', isoMonth(i)); } catch (e) { /* private mode */ }
    document.body.dataset.month = on ? isoMonth(i) : '';
    refresh();
  }
  function zoomToMonth() {
    state.timeline.setWindow(monthStart(state.month), monthEnd(state.month), {animation: false});
  }

  // ---------- routing ----------

  function route() {
    const hash = location.hash || '#/time';
    const [path, query] = hash.slice(1).split('?');
    const params = new URLSearchParams(query || '');
    const claims = path === '/claims';
    document.getElementById('view-time').hidden = claims;
    document.getElementById('view-claims').hidden = !claims;
    document.getElementById('nav-time').classList.toggle('active', !claims);
    document.getElementById('nav-claims').classList.toggle('active', claims);
    if (claims) return;
    setTimeout(() => state.map.invalidateSize(), 0);
    const m = monthIndex(params.get('month'));
    if (m != null) { setMonth(m, true); zoomToMonth(); }
    if (params.get('event') && params.get('event') !== state.selected) select(params.get('event'));
  }

  async function init() {
    try {
      await load();
      fillFilters();
      makeTimeline();
      await makeMap();
      renderThreads();
      renderContestedFigures();
      document.getElementById('group-by').addEventListener('change', renderThreads);
      document.getElementById('month').addEventListener('input', ev => setMonth(Number(ev.target.value), true));
      document.getElementById('month-on').addEventListener('change', ev => setMonth(state.month, ev.target.checked));
      document.getElementById('month-zoom').addEventListener('click', zoomToMonth);
      document.getElementById('tl-in').addEventListener('click', () => state.timeline.zoomIn(0.6, {animation: false}));
      document.getElementById('tl-out').addEventListener('click', () => state.timeline.zoomOut(0.6, {animation: false}));
      document.getElementById('tl-all').addEventListener('click', () => state.timeline.fit({animation: false}));
      const saved = monthIndex(localStorage.getItem('bkg-month'));
      if (saved != null) state.month = saved;
      setMonth(state.month, false);
      window.addEventListener('hashchange', route);
      route();
      document.body.dataset.ready = 'true';
    } catch (err) {
      showError('Could not load the explorer data: ' + err.message);
      throw err;
    }
  }

  window.atlas = {state, select, setMonth, zoomToMonth, timeline: () => state.timeline, map: () => state.map};
  init();
})();
