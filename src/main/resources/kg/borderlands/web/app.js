/* borderlands-kg explorer: search, actor network with relation-kind and date filters, entity panel,
   path finder, SPARQL examples. Plain JavaScript; Cytoscape.js and fcose come from WebJars. */
'use strict';

(function () {
  if (window.cytoscapeFcose && window.cytoscape) cytoscape.use(window.cytoscapeFcose);

  // ---------- constants ----------
  const FIRST_YEAR = 2001;
  const LAST_INDEX = 301; // Feb 2026 = (2026 - 2001) * 12 + 1
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const KIND_COLOURS = {
    Allegiance: '#8e44ad', Alliance: '#2e86de', Sanctuary: '#c0392b', Support: '#e67e22', Hostility: '#d63031',
    Rivalry: '#e84393', Affiliation: '#6c5ce7', Membership: '#00a8a8', Leadership: '#16a085',
    OfficeHolding: '#0b7a3e', Governance: '#3d9970', Opposition: '#8c2d19', Advocacy: '#20bf6b',
    IdeologicalBond: '#a55eea', EthnicBond: '#5f3dc4', Mediation: '#0984e3', Patronage: '#b7950b',
    Allegation: '#ff7f50', Denial: '#7f8c8d', Attack: '#7b0000', Operation: '#4b6584', Measure: '#a17a3a',
    Negotiation: '#45aaf2', Clash: '#eb3b5a', Visit: '#1e9e5f', Protest: '#f7b731'
  };
  const EXTRA = ['#2d3436', '#6d214f', '#182c61', '#58b19f', '#cd6133', '#227093'];
  const NODE_GROUPS = [
    {name: 'state / government', colour: '#2e5c8a', classes: ['State', 'DeFactoGovernment', 'GovernmentBody', 'Ministry', 'ProvincialGovernment', 'Legislature', 'Court', 'Delegation']},
    {name: 'militant group', colour: '#c0392b', classes: ['MilitantGroup']},
    {name: 'security force', colour: '#4b6584', classes: ['SecurityForce', 'Military', 'Police', 'Paramilitary', 'IntelligenceAgency']},
    {name: 'political party', colour: '#8e44ad', classes: ['PoliticalParty']},
    {name: 'person', colour: '#e58e26', classes: ['Person']},
    {name: 'international org.', colour: '#0a8f8f', classes: ['InternationalOrganisation']},
    {name: 'civil society', colour: '#6ab04c', classes: ['CivilSocietyMovement', 'Gathering', 'NonGovernmentalOrganisation', 'SocialGroup', 'BusinessAssociation']},
    {name: 'media / research', colour: '#95a5a6', classes: ['MediaOutlet', 'ResearchInstitute']}
  ];

  // ---------- state ----------
  const state = {
    kinds: [],            // [{kind, label, count, directed}]
    selectedKinds: new Set(),
    centre: null,         // actor id or null for the whole network
    hops: 1,
    asOfOn: false,
    asOfIndex: LAST_INDEX,
    contested: true,
    entityId: null,
    entity: null,
    requestSeq: 0
  };
  window.explorer = {state};   // for tests and debugging

  // ---------- small helpers ----------
  const $ = (id) => document.getElementById(id);
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    if (attrs) for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k.startsWith('on')) el.addEventListener(k.substring(2), v);
      else if (k === 'style') el.style.cssText = v;  // CSSOM: allowed by the CSP, unlike a style attribute
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return el;
  }
  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }
  function kindColour(kind) {
    if (KIND_COLOURS[kind]) return KIND_COLOURS[kind];
    let x = 0; for (const c of kind) x = (x * 31 + c.charCodeAt(0)) >>> 0;
    return EXTRA[x % EXTRA.length];
  }
  function kindLabel(kind) {
    const k = state.kinds.find(x => x.kind === kind);
    return k ? k.label : kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  }
  function nodeColour(cls) {
    const g = NODE_GROUPS.find(g => g.classes.includes(cls));
    return g ? g.colour : '#7f8c8d';
  }
  function indexToDate(i) {
    const y = FIRST_YEAR + Math.floor(i / 12), m = i % 12;
    return y + '-' + String(m + 1).padStart(2, '0') + '-01';
  }
  function indexToLabel(i) { return MONTHS[i % 12] + ' ' + (FIRST_YEAR + Math.floor(i / 12)); }
  function asOf() { return state.asOfOn ? indexToDate(state.asOfIndex) : null; }
  function showError(msg) {
    const e = $('error');
    if (!msg) { e.hidden = true; e.textContent = ''; return; }
    e.hidden = false; e.textContent = msg;
  }
  async function api(path) {
    const r = await fetch(path, {headers: {Accept: 'application/json'}});
    const body = await r.json().catch(() => null);
    if (!r.ok) {
      const err = body && body.error ? body.error : {code: 'HTTP ' + r.status, message: r.statusText};
      throw new Error(err.message + ' (' + err.code + ')');
    }
    return body;
  }
  function filterParams() {
    const p = new URLSearchParams();
    if (state.selectedKinds.size !== state.kinds.length) p.set('kinds', [...state.selectedKinds].join(','));
    const d = asOf();
    if (d) p.set('asOf', d);
    if (!state.contested) p.set('contested', 'false');
    return p;
  }
  /** Is a relation with these bounds in force on the as-of date (open ends are unbounded)? */
  function inForce(from, until) {
    const d = asOf();
    if (!d) return true;
    return (!from || from <= d) && (!until || until >= d);
  }
  function recLink(ref) {
    if (!ref) return '';
    return h('a', {class: 'rec', href: (ref.kind === 'actor' ? '#/actor/' : '#/entity/') + encodeURIComponent(ref.id),
      title: ref.type || ref.kind}, ref.label);
  }
  /**
   * "§ II.B ¶4, fn 22": cited sections with their paragraphs, then the footnotes, each linked to its own IRI inside
   * its source's space ({id: "icg-asia-354/fn-22", number: 22}, as the API and the network give them).
   */
  function footnoteLinks(fns, sections) {
    const span = h('span', {class: 'fn'});
    if (sections && sections.length) {
      span.appendChild(h('span', {class: 'muted'}, '§ ' + sections.join('; ') + ((fns || []).length ? ', ' : '')));
    }
    for (const f of fns || []) span.appendChild(h('a', {href: '/id/' + f.id, target: '_blank', title: 'footnote ' + f.id}, 'fn ' + f.number));
    return span;
  }
  function dates(from, until) {
    if (!from && !until) return null;
    return h('span', {class: 'dates'}, ' ' + (from || '…') + ' – ' + (until || '…'));
  }

  // ---------- cytoscape ----------
  const cyStyle = [
    {selector: 'node', style: {
      'background-color': 'data(colour)', 'label': 'data(label)', 'font-size': 'data(font)', 'color': '#1d2733',
      'text-valign': 'bottom', 'text-halign': 'center', 'text-margin-y': 3, 'text-wrap': 'wrap', 'text-max-width': 110,
      'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
      'width': 'data(size)', 'height': 'data(size)', 'border-width': 1, 'border-color': '#ffffff', 'min-zoomed-font-size': 6}},
    {selector: 'node.centre', style: {'border-width': 4, 'border-color': '#f1c40f', 'font-weight': 700, 'font-size': 13}},
    {selector: 'node:selected', style: {'border-width': 4, 'border-color': '#1f3a5f'}},
    {selector: 'node.path', style: {'border-width': 4, 'border-color': '#f1c40f', 'font-weight': 700}},
    {selector: 'edge', style: {
      'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'width': 'data(width)', 'curve-style': 'bezier',
      'target-arrow-shape': 'triangle', 'arrow-scale': 0.9, 'opacity': 0.85, 'font-size': 9, 'color': '#39424e',
      'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'label': ''}},
    {selector: 'edge[!directed]', style: {'target-arrow-shape': 'none'}},
    {selector: 'edge[?contested]', style: {'line-style': 'dashed'}},
    {selector: 'edge.labelled, edge:selected', style: {'label': 'data(short)', 'opacity': 1}},
    {selector: 'node.minor', style: {'label': ''}},
    {selector: 'node.minor.shown', style: {'label': 'data(label)'}},
    {selector: 'node.faded', style: {'opacity': 0.25}},
    {selector: 'edge.faded', style: {'opacity': 0.08}}
  ];
  let cy = null, cyPath = null;
  function makeCy(container) {
    return cytoscape({container, style: cyStyle, wheelSensitivity: 0.3, minZoom: 0.1, maxZoom: 3});
  }
  function layoutOptions(n) {
    if (!window.cytoscapeFcose) return {name: 'cose', animate: false, nodeRepulsion: () => 400000, idealEdgeLength: () => 120, randomize: true};
    return {name: 'fcose', quality: 'proof', animate: false, randomize: true, nodeRepulsion: () => n > 60 ? 65000 : 45000,
      idealEdgeLength: () => n > 60 ? 105 : 130, edgeElasticity: () => 0.3, nodeSeparation: n > 60 ? 80 : 120, gravity: 0.25,
      gravityRange: 3.8, numIter: 2500, packComponents: true, nodeDimensionsIncludeLabels: true, padding: 30};
  }
  /** Runs a (synchronous) layout with a fixed random seed, so the same view always gets the same picture. */
  function seeded(run) {
    const saved = Math.random;
    let a = 20260227;
    Math.random = () => { a |= 0; a = a + 0x6D2B79F5 | 0; let t = Math.imul(a ^ a >>> 15, 1 | a);
      t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t; return ((t ^ t >>> 14) >>> 0) / 4294967296; };
    try { run(); } finally { Math.random = saved; }
  }
  function toElements(elements, centre) {
    const big = elements.nodes.length > 60;
    const degree = {};
    for (const e of elements.edges) { degree[e.data.source] = (degree[e.data.source] || 0) + 1; degree[e.data.target] = (degree[e.data.target] || 0) + 1; }
    const nodes = elements.nodes.map(n => ({group: 'nodes', classes: n.data.id === centre ? 'centre' : '',
      data: Object.assign({}, n.data, {colour: nodeColour(n.data['class']), font: big ? 16 : 11,
        size: Math.min(46, 16 + 3 * Math.sqrt(degree[n.data.id] || 0) * 2) * (big ? 1.2 : 1)})}));
    // parallel relations of one kind between the same two actors are drawn as one line, thicker with their number
    const bundles = new Map();
    for (const e of elements.edges) {
      const d = e.data;
      const ends = d.directed ? [d.source, d.target] : [d.source, d.target].sort();
      const key = ends.join('\u0000') + '\u0000' + d.kind;
      if (!bundles.has(key)) bundles.set(key, {source: ends[0], target: ends[1], kind: d.kind, directed: d.directed, records: []});
      bundles.get(key).records.push(d);
    }
    const edges = [...bundles.values()].map((b, i) => {
      const first = b.records[0];
      const office = b.kind === 'OfficeHolding' && first.label && first.label.includes(':') ? first.label.split(':')[1].split(',')[0].trim() : null;
      const short = (office || kindLabel(b.kind)) + (b.records.length > 1 ? ' ×' + b.records.length : '');
      return {group: 'edges', data: {id: 'b' + i + ':' + first.id, source: b.source, target: b.target, kind: b.kind, directed: b.directed,
        contested: b.records.every(r => r.contested), record: first.record, count: b.records.length, records: b.records,
        colour: kindColour(b.kind), short, width: Math.min(7, 1.6 + 1.3 * Math.log2(b.records.length))}};
    });
    return nodes.concat(edges);
  }
  function render(target, elements, centre, status) {
    target.elements().remove();
    target.add(toElements(elements, centre));
    // hide actors without edges in the whole-network view: they would only crowd the picture
    if (!centre) target.nodes().filter(n => n.degree(false) === 0).remove();
    const n = target.nodes().length;
    // on a big picture only the better-connected actors are labelled; hovering shows the others
    if (n > 60) target.nodes().filter(x => x.degree(false) < 4).addClass('minor');
    if (target.edges().length <= 30) target.edges().addClass('labelled');
    if (n > 0) seeded(() => target.layout(layoutOptions(n)).run());
    target.fit(undefined, 30);
    if (target.zoom() > 1.3) { target.zoom(1.3); target.center(); }
    if (status) $('graph-status').textContent = status(target);
  }

  async function loadNetwork() {
    const seq = ++state.requestSeq;
    if (state.kinds.length && state.selectedKinds.size === 0) {
      cy.elements().remove();
      $('graph-status').textContent = 'no relation kind selected';
      return;
    }
    const p = filterParams();
    let url, data;
    try {
      if (state.centre) {
        p.set('hops', String(state.hops));
        url = '/api/neighbourhood/' + encodeURIComponent(state.centre) + '?' + p;
      } else {
        p.set('format', 'cytoscape');
        url = '/api/network?' + p;
      }
      data = await api(url);
      showError(null);
    } catch (e) {
      showError('Network: ' + e.message);
      return;
    }
    if (seq !== state.requestSeq) return; // a newer request is under way
    render(cy, data.elements, state.centre, t => t.nodes().length + ' actors, ' + t.edges().reduce((n, e) => n + e.data('count'), 0) + ' relations'
      + (asOf() ? ' in force on ' + indexToLabel(state.asOfIndex) : ''));
    $('centre-line').textContent = state.centre ? 'Centred on ' + (data.center ? data.center.label : state.centre) : 'Whole network (connected actors)';
    document.body.dataset.networkLoaded = String(seq);
    if (!state.centre && !state.entityId) showCentral();
    markInactiveRelations();
  }

  // ---------- entity panel ----------
  async function showEntity(id) {
    state.entityId = id;
    const panel = $('entity');
    let v;
    try {
      v = await api('/api/entity/' + encodeURIComponent(id));
      showError(null);
    } catch (e) {
      clear(panel).appendChild(h('p', {class: 'error'}, e.message));
      return;
    }
    if (state.entityId !== id) return;
    state.entity = v;
    clear(panel);
    panel.appendChild(h('h2', {id: 'entity-title'}, v.label));
    panel.appendChild(h('div', {class: 'meta'}, (v.type ? v.type.label : v.kind) + ' · ' + v.id));
    if (v.aliases && v.aliases.length) panel.appendChild(h('div', {class: 'meta'}, 'Also: ' + v.aliases.join('; ')));
    if (v.description) panel.appendChild(h('p', null, v.description));
    panel.appendChild(h('div', {class: 'actions'},
      h('a', {id: 'ld-link', href: v.page, target: '_blank'}, 'Linked Data page'),
      v.kind === 'actor' && state.centre !== v.id ? h('a', {href: '#/actor/' + encodeURIComponent(v.id)}, 'Centre the network here') : null,
      v.kind === 'actor' ? h('a', {href: '#/path/' + encodeURIComponent(v.id) + '/'}, 'Find a path from here') : null));

    const ties = [...v.outgoingTies, ...v.incomingTies];
    if (ties.length) {
      panel.appendChild(h('h4', null, 'Relations'));
      const ul = h('ul', {id: 'relations'});
      for (const t of ties) {
        const kind = t.kind ? t.kind.name.replace('blk:', '') : 'Tie';
        // as in the network, a tie without a start counts from the date the report first places it (attestedFrom)
        const li = h('li', {'data-from': t.from || t.attestedFrom || '', 'data-until': t.until || '', 'data-tie': t.id},
          h('span', {class: 'chip', style: 'background:' + kindColour(kind)}, t.kind ? t.kind.label : 'tie'),
          t.direction === 'outgoing' ? '→ ' : '← ', recLink(t.other),
          t.office ? h('span', null, ' (' + t.office + ')') : null,
          dates(t.fromText, t.untilText), t.attestedFrom ? h('span', {class: 'dates', title: 'the report does not give a start date'},
            ' attested from ' + t.attestedFrom) : null, ' ',
          t.contested ? h('span', {class: 'contested', title: 'asserted only by ' + t.accordingTo.map(a => a.label).join(', ')},
            'contested: according to ' + t.accordingTo.map(a => a.label).join(', ')) : null,
          footnoteLinks(t.footnoteRefs, t.sections), h('span', {class: 'note'}));
        ul.appendChild(li);
      }
      panel.appendChild(ul);
    }
    claimList(panel, 'Claims made', v.claimsMade, 'claims-made');
    claimList(panel, 'Claims about ' + v.label, v.claimsReceived, 'claims-received');
    if (v.events.length) {
      panel.appendChild(h('h4', null, 'Events'));
      panel.appendChild(h('ul', {id: 'events'}, v.events.map(e => h('li', null,
        h('span', {class: 'dates'}, (e.date || '') + ' '), recLink(e.event),
        h('span', {class: 'muted'}, ' — ' + e.roles.map(r => r.label).join(', ')), footnoteLinks(e.footnoteRefs),
        ' ', h('a', {class: 'fn', href: '/explorer/atlas.html#/time?event=' + encodeURIComponent(e.event.id), title: 'show on the timeline and map'}, 'timeline/map')))));
    }
    if (v.figures.length) {
      panel.appendChild(h('h4', null, 'Figures reported'));
      panel.appendChild(h('ul', null, v.figures.map(f => h('li', null,
        h('strong', null, (f.qualifier && f.qualifier.label !== 'exact' ? f.qualifier.label + ' ' : '') + f.value
          + (f.valueMax ? '–' + f.valueMax : '') + (f.unit ? ' ' + f.unit.label : '')), ' ',
        recLink(f.figure), f.event ? h('span', {class: 'muted'}, ' · ') : null, recLink(f.event), footnoteLinks(f.footnoteRefs)))));
    }
    if (v.facts.length) {
      panel.appendChild(h('h4', null, 'Statements'));
      panel.appendChild(h('ul', null, v.facts.map(f => h('li', null, h('span', {class: 'muted'}, f.property.label + ': '),
        f.value.ref ? recLink(f.value.ref) : (f.value.term ? f.value.term.label : f.value.literal),
        f.value.ref && f.value.term ? ' (' + f.value.term.label + ')' : null))));
    }
    if (v.referencedBy.length) {
      panel.appendChild(h('h4', null, 'Referenced by'));
      panel.appendChild(h('ul', null, v.referencedBy.map(f => h('li', null, recLink(f.from), h('span', {class: 'muted'}, ' — ' + f.property.label)))));
    }
    panel.appendChild(h('h4', null, 'Sources in the report'));
    if (v.sections.length) panel.appendChild(h('div', {class: 'meta'}, 'Sections: ' + v.sections.map(s => s.number).join(', ')));
    panel.appendChild(h('ul', {class: 'sources', id: 'sources'}, v.sources.map(s => h('li', null,
      h('a', {href: '/id/' + s.id, target: '_blank'}, 'Footnote ' + s.footnote), s.section ? ' (section ' + s.section.number + ')' : '',
      s.works.length ? h('div', {class: 'works'}, s.works.map(w => h('div', null, '· ' + w.label
        + (w.publisher ? ' — ' + w.publisher : '') + (w.date ? ', ' + w.date : '')))) : null))));
    if (v.externalLinks.length) {
      panel.appendChild(h('h4', null, 'External links'));
      panel.appendChild(h('ul', null, v.externalLinks.map(l => h('li', null, l.property.name + ' ', h('a', {href: l.iri, target: '_blank', rel: 'noopener'}, l.iri)))));
    }
    markInactiveRelations();
  }
  /** With no actor chosen: the most central actors of the network as filtered (betweenness and PageRank). */
  async function showCentral() {
    const p = filterParams();
    p.set('top', '8');
    let bt, pr;
    try {
      p.set('metric', 'betweenness'); bt = await api('/api/metrics?' + p);
      p.set('metric', 'pagerank'); pr = await api('/api/metrics?' + p);
    } catch (e) { return; }
    if (state.centre || state.entityId) return;
    const panel = clear($('entity'));
    panel.appendChild(h('h2', null, 'Most central actors'));
    panel.appendChild(h('p', {class: 'meta'}, 'In the network as filtered. Click an actor, or search for one, to see its relations, claims, events and sources.'));
    for (const [title, r, fmt] of [['Betweenness (brokers between others)', bt, v => Math.round(v)], ['PageRank (pointed at by important actors)', pr, v => v.toFixed(3)]]) {
      panel.appendChild(h('h4', null, title));
      panel.appendChild(h('ol', {class: 'central'}, r.results.map(x => h('li', null, recLink({id: x.actor.id, label: x.actor.label, kind: 'actor'}),
        h('span', {class: 'muted'}, ' ' + fmt(x.value))))));
    }
  }

  /** The relations drawn as one line: each record with its dates and footnotes. */
  function showBundle(d) {
    state.entityId = null;
    const panel = clear($('entity'));
    const src = cy.getElementById(d.source), tgt = cy.getElementById(d.target);
    panel.appendChild(h('h2', null, kindLabel(d.kind)));
    panel.appendChild(h('div', {class: 'meta'}, src.data('label') + (d.directed ? ' → ' : ' — ') + tgt.data('label')));
    panel.appendChild(h('ul', {id: 'bundle'}, d.records.map(r => h('li', null, recLink({id: r.record, label: r.label, kind: 'record'}),
      dates(r.from, r.until), ' ', r.contested ? h('span', {class: 'contested'}, 'contested: according to ' + (r.accordingTo || []).join(', ')) : null,
      footnoteLinks(r.footnoteRefs, r.sections)))));
    panel.appendChild(h('div', {class: 'actions'}, h('a', {href: '#/actor/' + encodeURIComponent(d.source)}, src.data('label')),
      h('a', {href: '#/actor/' + encodeURIComponent(d.target)}, tgt.data('label'))));
  }
  function claimList(panel, title, claims, id) {
    if (!claims.length) return;
    panel.appendChild(h('h4', null, title));
    const ul = h('ul', {id});
    for (const c of claims) ul.appendChild(claimItem(c));
    panel.appendChild(ul);
  }
  function claimItem(c) {
    const li = h('li', null, h('span', {class: 'claim-type'}, c.type ? c.type.label : 'claim'), recLink({id: c.id, label: c.label, kind: 'claim'}),
      h('div', {class: 'meta'}, (c.date ? c.date + ' · ' : '') + 'by ', ...joinRefs(c.claimants),
        c.accused.length ? ' · about ' : '', ...joinRefs(c.accused), footnoteLinks(c.footnoteRefs, c.sections)),
      c.quote ? h('blockquote', null, '“' + c.quote + '”') : null);
    if (c.responses && c.responses.length) li.appendChild(h('ul', {class: 'responses'}, c.responses.map(claimItem)));
    return li;
  }
  function joinRefs(refs) {
    const out = [];
    refs.forEach((r, i) => { if (i) out.push(', '); out.push(recLink(r)); });
    return out;
  }
  /** Grey out the panel's relations that are not in force on the as-of date. */
  function markInactiveRelations() {
    const d = asOf();
    document.querySelectorAll('#relations li').forEach(li => {
      const active = inForce(li.dataset.from, li.dataset.until);
      li.classList.toggle('inactive', !active);
      const note = li.querySelector('.note');
      if (note) note.textContent = active ? '' : ' not in force on ' + indexToLabel(state.asOfIndex);
    });
    document.body.dataset.asOf = d || '';
  }

  // ---------- search ----------
  function attachSearch(input, list, onPick, kind) {
    let timer = null, results = [], active = -1;
    function close() { list.hidden = true; active = -1; }
    async function run() {
      const q = input.value.trim();
      if (!q) { close(); return; }
      try {
        const r = await api('/api/search?limit=10&q=' + encodeURIComponent(q) + (kind ? '&kind=' + kind : ''));
        results = r.results;
      } catch (e) { results = []; }
      clear(list);
      results.forEach((r, i) => list.appendChild(h('li', {'data-id': r.id, onmousedown: (ev) => { ev.preventDefault(); pick(i); }},
        r.label, h('span', {class: 'sub'}, (r.typeLabel || r.kind) + (r.matched !== r.label ? ' · matched “' + r.matched + '”' : '')))));
      list.hidden = results.length === 0;
    }
    function pick(i) {
      const r = results[i];
      if (!r) return;
      close();
      onPick(r);
    }
    input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 150); });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (!results.length) return;
        active = (active + (e.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length;
        [...list.children].forEach((li, i) => li.classList.toggle('active', i === active));
        e.preventDefault();
      } else if (e.key === 'Enter') {
        e.preventDefault();
        if (results.length && !list.hidden) pick(active < 0 ? 0 : active);
        else run().then(() => pick(0));
      } else if (e.key === 'Escape') close();
    });
    input.addEventListener('blur', () => setTimeout(close, 150));
  }

  // ---------- path finder ----------
  const pathPick = {from: null, to: null};
  async function findPath() {
    const from = pathPick.from || $('path-from').value.trim();
    const to = pathPick.to || $('path-to').value.trim();
    const out = clear($('path-result'));
    if (!from || !to) { out.appendChild(h('p', {class: 'muted'}, 'Enter two actors.')); return; }
    const p = filterParams();
    p.set('from', from); p.set('to', to);
    let r;
    try { r = await api('/api/path?' + p); } catch (e) { out.appendChild(h('p', {class: 'error'}, e.message)); return; }
    if (!r.found) {
      out.appendChild(h('p', {id: 'path-none'}, 'No path between ' + r.from.label + ' and ' + r.to.label + ' with the current filters.'));
      cyPath.elements().remove();
      return;
    }
    $('path-from').value = r.from.label;
    $('path-to').value = r.to.label;
    out.appendChild(h('h2', null, r.from.label + ' → ' + r.to.label));
    out.appendChild(h('p', {class: 'meta'}, r.length + (r.length === 1 ? ' hop' : ' hops') + (asOf() ? ', relations in force on ' + indexToLabel(state.asOfIndex) : '')));
    const box = h('div', {id: 'path-hops'});
    r.hops.forEach((hop, i) => {
      const div = h('div', {class: 'hop'}, h('div', {class: 'ends'}, (i + 1) + '. ', recLink(hop.from), ' — ', recLink(hop.to)));
      for (const rel of hop.relations) {
        const e = rel.edge;
        const arrow = rel.direction === 'FORWARD' ? '→' : rel.direction === 'BACKWARD' ? '←' : '↔';
        div.appendChild(h('div', {class: 'rel'}, h('span', {class: 'chip', style: 'background:' + kindColour(e.kind)}, kindLabel(e.kind)),
          arrow + ' ', recLink({id: e.record, label: e.label, kind: 'record'}), dates(e.from, e.until),
          e.contested ? h('span', {class: 'contested'}, ' contested') : null, footnoteLinks(e.footnoteRefs, e.sections)));
      }
      box.appendChild(div);
    });
    out.appendChild(box);
    const ids = new Set();
    const nodes = [], edges = [];
    for (const hop of r.hops) {
      for (const a of [hop.from, hop.to]) if (!ids.has(a.id)) { ids.add(a.id); nodes.push({data: {id: a.id, label: a.label, 'class': a.type}}); }
      for (const rel of hop.relations) edges.push({data: rel.edge});
    }
    render(cyPath, {nodes, edges}, null, null);
    cyPath.nodes().addClass('path');
    cyPath.edges().addClass('labelled');
    cyPath.layout({name: 'breadthfirst', directed: false, roots: '#' + CSS.escape(r.from.id), spacingFactor: 1.2, animate: false}).run();
    cyPath.fit(undefined, 40);
    if (cyPath.zoom() > 1.2) { cyPath.zoom(1.2); cyPath.center(); }
  }

  // ---------- SPARQL ----------
  let cqs = null;
  async function showSparql(name) {
    if (!cqs) {
      try { cqs = (await api('/api/queries')).queries; } catch (e) { showError(e.message); cqs = []; }
      const list = clear($('cq-list'));
      if (!cqs.length) list.appendChild(h('li', {class: 'muted'}, 'no competency questions found'));
      for (const q of cqs) list.appendChild(h('li', {'data-name': q.name, onclick: () => { location.hash = '#/sparql/' + q.name; }}, q.question));
      if (!$('sparql-text').value) $('sparql-text').value = 'SELECT ?actor ?label WHERE {\n  ?actor a blk:MilitantGroup ; skos:prefLabel ?label .\n} ORDER BY ?label';
    }
    const q = name ? cqs.find(x => x.name === name) : null;
    document.querySelectorAll('#cq-list li').forEach(li => li.classList.toggle('active', li.dataset.name === name));
    const head = clear($('cq-question'));
    if (q) {
      head.appendChild(document.createTextNode(q.question));
      if (q.expected) head.appendChild(h('span', {class: 'expected'}, 'Expected (from the report): ' + q.expected));
      $('sparql-text').value = q.sparql;
      runSparql();
    }
  }
  const PREFIXES = {blk: 'https://w3id.org/borderlands-kg/ontology#', blkv: 'https://w3id.org/borderlands-kg/vocab/', bkr: 'https://w3id.org/borderlands-kg/id/',
    skos: 'http://www.w3.org/2004/02/skos/core#', rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
    rdfs: 'http://www.w3.org/2000/01/rdf-schema#', xsd: 'http://www.w3.org/2001/XMLSchema#', time: 'http://www.w3.org/2006/time#',
    dct: 'http://purl.org/dc/terms/', prov: 'http://www.w3.org/ns/prov#', sem: 'http://semanticweb.cs.vu.nl/2009/11/sem/',
    geo: 'http://www.opengis.net/ont/geosparql#', org: 'http://www.w3.org/ns/org#', owl: 'http://www.w3.org/2002/07/owl#'};
  function withPrefixes(q) {
    let head = '';
    for (const [p, iri] of Object.entries(PREFIXES)) {
      if (new RegExp('PREFIX\\s+' + p + ':', 'i').test(q)) continue;
      if (new RegExp('(^|[\\s(/^|,;.!\\[])' + p + ':\\w').test(q.replace(/^\s*#.*$/mg, ''))) head += 'PREFIX ' + p + ': <' + iri + '>\n';
    }
    return head + q;
  }
  function compact(iri) {
    for (const [p, ns] of Object.entries(PREFIXES)) if (iri.startsWith(ns)) return p + ':' + iri.substring(ns.length);
    return iri;
  }
  async function runSparql() {
    const status = $('sparql-status'), out = clear($('sparql-results'));
    status.textContent = 'running…';
    const t0 = performance.now();
    let r, body;
    try {
      r = await fetch('/kg/sparql', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/sparql-results+json'}, body: new URLSearchParams({query: withPrefixes($('sparql-text').value)})});
      body = await r.text();
    } catch (e) { status.textContent = e.message; return; }
    if (!r.ok) { status.textContent = 'error ' + r.status; out.appendChild(h('pre', {class: 'error'}, body)); return; }
    const res = JSON.parse(body);
    const ms = Math.round(performance.now() - t0);
    if (res.boolean !== undefined) { status.textContent = ms + ' ms'; out.appendChild(h('p', {id: 'sparql-boolean'}, String(res.boolean))); return; }
    const vars = res.head.vars, rows = res.results.bindings;
    status.textContent = rows.length + ' row' + (rows.length === 1 ? '' : 's') + ', ' + ms + ' ms';
    const table = h('table', {id: 'sparql-table'}, h('tr', null, vars.map(v => h('th', null, '?' + v))));
    for (const b of rows) {
      table.appendChild(h('tr', null, vars.map(v => {
        const x = b[v];
        if (!x) return h('td', null);
        if (x.type === 'uri') {
          const local = x.value.startsWith(PREFIXES.bkr) ? x.value.substring(PREFIXES.bkr.length) : null;
          return h('td', null, local ? h('a', {href: '#/entity/' + encodeURIComponent(local)}, compact(x.value)) : compact(x.value));
        }
        return h('td', null, x.value);
      })));
    }
    out.appendChild(table);
  }

  // ---------- routing ----------
  function showView(name) {
    for (const v of ['network', 'path', 'sparql']) {
      $('view-' + v).hidden = v !== name;
      $('nav-' + v).classList.toggle('active', v === name);
    }
    if (name === 'network' && cy) cy.resize();
    if (name === 'path' && cyPath) cyPath.resize();
  }
  async function route() {
    const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
    const [view, a, b] = parts;
    if (view === 'sparql') { showView('sparql'); await showSparql(a); return; }
    if (view === 'path') {
      showView('path');
      if (a) { pathPick.from = a; $('path-from').value = a; }
      if (b) { pathPick.to = b; $('path-to').value = b; }
      if (a && b) await findPath();
      return;
    }
    showView('network');
    if (view === 'actor' && a) {
      if (state.centre !== a) { state.centre = a; await Promise.all([loadNetwork(), showEntity(a)]); }
      else if (state.entityId !== a) await showEntity(a);
    } else if (view === 'entity' && a) {
      await showEntity(a);
    } else if (!cy.elements().length || state.centre || state.entityId) {
      state.centre = null;
      state.entityId = null;
      await loadNetwork();
    }
  }

  // ---------- wiring ----------
  async function init() {
    cy = makeCy($('cy'));
    cyPath = makeCy($('cy-path'));
    window.explorer.cy = () => cy;
    window.explorer.cyPath = () => cyPath;
    cy.on('tap', 'node', (e) => { location.hash = '#/actor/' + encodeURIComponent(e.target.id()); });
    cy.on('tap', 'edge', (e) => showBundle(e.target.data()));
    cy.on('mouseover', 'node', (e) => {
      const n = e.target;
      cy.elements().addClass('faded');
      n.closedNeighborhood().removeClass('faded');
      n.connectedEdges().addClass('labelled');
      n.closedNeighborhood().nodes().addClass('shown');
    });
    cy.on('mouseout', 'node', () => {
      cy.elements().removeClass('faded');
      cy.nodes().removeClass('shown');
      if (cy.edges().length > 30) cy.edges().removeClass('labelled');
    });
    cyPath.on('tap', 'node', (e) => { location.hash = '#/actor/' + encodeURIComponent(e.target.id()); });

    const legend = $('node-legend');
    for (const g of NODE_GROUPS) legend.appendChild(h('div', null, h('span', {class: 'dot', style: 'background:' + g.colour}), g.name));

    try {
      state.kinds = (await api('/api/kinds')).kinds;
    } catch (e) { showError('Relation kinds: ' + e.message); state.kinds = []; }
    state.selectedKinds = new Set(state.kinds.map(k => k.kind));
    const box = $('kinds');
    for (const k of state.kinds) {
      box.appendChild(h('label', {title: k.kind},
        h('input', {type: 'checkbox', value: k.kind, checked: true, 'data-kind': k.kind, onchange: (e) => {
          if (e.target.checked) state.selectedKinds.add(k.kind); else state.selectedKinds.delete(k.kind);
          loadNetwork();
        }}),
        h('span', {class: 'swatch', style: 'background:' + kindColour(k.kind)}), k.label, h('span', {class: 'count'}, String(k.count))));
    }
    box.appendChild(h('label', {class: 'muted'}, h('span', {class: 'swatch dashed', style: 'border-color:#555'}), 'contested (dashed)'));
    $('kinds-all').onclick = () => { state.selectedKinds = new Set(state.kinds.map(k => k.kind)); box.querySelectorAll('input').forEach(i => { i.checked = true; }); loadNetwork(); };
    $('kinds-none').onclick = () => { state.selectedKinds = new Set(); box.querySelectorAll('input').forEach(i => { i.checked = false; }); loadNetwork(); };

    const slider = $('asof');
    slider.max = String(LAST_INDEX);
    // the month is shared with the timeline/map page (atlas.js) through localStorage 'bkg-month' (YYYY-MM)
    const shared = /^(\d{4})-(\d{2})$/.exec((() => { try { return localStorage.getItem('bkg-month') || ''; } catch (e) { return ''; } })());
    if (shared) { state.asOfIndex = Math.min(LAST_INDEX, Math.max(0, (Number(shared[1]) - FIRST_YEAR) * 12 + Number(shared[2]) - 1)); slider.value = String(state.asOfIndex); }
    const updateLabel = () => { $('asof-label').textContent = state.asOfOn ? indexToLabel(state.asOfIndex) : 'any date'; };
    let sliderTimer = null;
    slider.addEventListener('input', () => {
      state.asOfIndex = Number(slider.value);
      try { localStorage.setItem('bkg-month', indexToDate(state.asOfIndex).slice(0, 7)); } catch (e) { /* private mode */ }
      state.asOfOn = true;
      $('asof-on').checked = true;
      updateLabel();
      markInactiveRelations();
      clearTimeout(sliderTimer);
      sliderTimer = setTimeout(() => { loadNetwork(); if ($('view-path').hidden === false && pathPick.from && pathPick.to) findPath(); }, 120);
    });
    $('asof-on').addEventListener('change', (e) => { state.asOfOn = e.target.checked; updateLabel(); markInactiveRelations(); loadNetwork(); });
    $('hops').addEventListener('change', (e) => { state.hops = Number(e.target.value); loadNetwork(); });
    $('contested').addEventListener('change', (e) => { state.contested = e.target.checked; loadNetwork(); });
    $('whole').addEventListener('click', () => {
      if (location.hash === '#/' || location.hash === '') { state.centre = null; state.entityId = null; loadNetwork(); } else location.hash = '#/';
    });

    attachSearch($('search'), $('search-results'), (r) => {
      $('search').value = r.label;
      location.hash = (r.kind === 'actor' ? '#/actor/' : '#/entity/') + encodeURIComponent(r.id);
    }, null);
    for (const end of ['from', 'to']) {
      const input = $('path-' + end);
      const list = h('ul', {class: 'dropdown', hidden: true});
      input.parentNode.style.position = 'relative';
      input.parentNode.appendChild(list);
      attachSearch(input, list, (r) => { input.value = r.label; pathPick[end] = r.id; }, 'actor');
      input.addEventListener('input', () => { pathPick[end] = null; });
    }
    $('path-go').addEventListener('click', () => {
      const f = pathPick.from || $('path-from').value.trim(), t = pathPick.to || $('path-to').value.trim();
      const target = '#/path/' + encodeURIComponent(f) + '/' + encodeURIComponent(t);
      if (location.hash === target) findPath(); else location.hash = target;
    });
    $('sparql-run').addEventListener('click', runSparql);
    window.addEventListener('hashchange', route);
    await route();
    document.body.dataset.ready = 'true';
  }
  init();
})();
