// Small helpers shared by the timeline/map/claims page and the SPARQL workbench (no inline script, no eval).
(function () {
  'use strict';
  /** h('div', {class: 'x', onclick: fn, dataset: {id: 1}}, child, 'text', [more]) */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'dataset') Object.assign(el.dataset, v);
      else if (k === 'class') el.className = v;
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat(Infinity)) {
      if (c == null || c === false) continue;
      el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }
  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }
  async function getJson(path, accept) {
    const r = await fetch(path, {headers: {Accept: accept || 'application/json'}});
    if (!r.ok) throw new Error(path + ': HTTP ' + r.status);
    return r.json();
  }
  /** SPARQL JSON results to plain row objects of strings. */
  function rows(results) {
    return results.results.bindings.map(b => {
      const o = {};
      for (const v of results.head.vars) o[v] = b[v] ? b[v].value : null;
      return o;
    });
  }
  function ids(s) { return s ? s.split(' ').filter(Boolean) : []; }
  function footnotes(fns) {
    return ids(fns).map(Number).sort((a, b) => a - b)
      .map(n => h('a', {href: '/id/fn-' + n, class: 'fnlink', title: 'footnote ' + n}, 'fn ' + n));
  }
  window.kgdom = {h, clear, getJson, rows, ids, footnotes};
})();
