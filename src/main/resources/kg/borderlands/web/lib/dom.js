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
  /**
   * Footnote links from the footnotes' ids as the story queries give them, space-separated paths under /id/ inside
   * each footnote's source ("icg-asia-354/fn-32"): the link is the id; the text is its local id ("fn 32").
   */
  function footnotes(fns) {
    const local = id => id.slice(id.lastIndexOf('/') + 1);
    const number = id => Number(local(id).replace(/\D+/g, '')) || 0;
    return ids(fns).sort((a, b) => number(a) - number(b) || (a < b ? -1 : a > b ? 1 : 0))
      .map(id => h('a', {href: '/id/' + id, class: 'fnlink', title: 'footnote ' + id}, local(id).replace('-', ' ')));
  }
  window.kgdom = {h, clear, getJson, rows, ids, footnotes};
})();
