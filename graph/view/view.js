/* archive-graph network view.
   Safety: every string that comes from a document reaches the DOM only through textContent
   (or vis-network's canvas and its innerText tooltips); nothing here uses innerHTML, and an
   href is set only for http(s) URLs. Globals: window.network (the vis.Network, as in pyvis
   pages) and window.agView (data sets, timings and a few functions for scripts and tests). */
(function () {
  "use strict";
  const timings = { start: performance.now() };
  const data = JSON.parse(document.getElementById("ag-data").textContent);
  const details = data.details;
  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  const $ = (id) => document.getElementById(id);
  const adjacency = new Map(data.nodes.map((n) => [n.id, []]));
  for (const e of data.edges) {
    adjacency.get(e.from).push({ id: e.to, label: e.label, out: true });
    adjacency.get(e.to).push({ id: e.from, label: e.label, out: false });
  }
  const styles = new Map(data.style.map((s) => [s.kind, s]));
  const recordTitle = new Map(data.records.map((r) => [r.id, r]));
  const nodeHidden = new Map(data.nodes.map((n) => [n.id, Boolean(n.hidden)]));
  const edgeHidden = new Map(data.edges.map((e) => [e.id, Boolean(e.hidden)]));
  let focusSet = null;
  let selected = null;

  const network = new vis.Network($("ag-network"), { nodes: nodes, edges: edges }, data.options);
  window.network = network;
  timings.created = performance.now();
  network.once("afterDrawing", () => {
    timings.firstDraw = performance.now();
    if (!data.options.physics.enabled) timings.stable = timings.firstDraw;
  });
  network.on("stabilized", () => { timings.stable = timings.stable || performance.now(); });

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
  }

  /* ---------- legend and type filters ---------- */
  const SVG = "http://www.w3.org/2000/svg";
  const SHAPES = {
    dot: ["circle", { cx: 8, cy: 8, r: 6 }],
    square: ["rect", { x: 2, y: 2, width: 12, height: 12 }],
    box: ["rect", { x: 1, y: 4, width: 14, height: 9, rx: 2 }],
    triangle: ["polygon", { points: "8,2 14,14 2,14" }],
    triangleDown: ["polygon", { points: "2,2 14,2 8,14" }],
    diamond: ["polygon", { points: "8,1 15,8 8,15 1,8" }],
    star: ["polygon", { points: "8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6" }],
    hexagon: ["polygon", { points: "4,2 12,2 15,8 12,14 4,14 1,8" }],
  };

  function swatch(style) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    const [tag, attrs] = SHAPES[style.shape] || SHAPES.dot;
    const shape = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) shape.setAttribute(k, String(v));
    shape.setAttribute("fill", style.color);
    shape.setAttribute("stroke", "#555");
    svg.appendChild(shape);
    return svg;
  }

  function buildKinds() {
    const counts = {};
    for (const id in details) counts[details[id].kind] = (counts[details[id].kind] || 0) + 1;
    for (const style of data.style) {
      const kind = style.kind;
      const li = el("li");
      const label = el("label");
      const box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.id = "ag-kind-" + kind;
      box.dataset.kind = kind;
      box.addEventListener("change", applyVisibility);
      label.append(box, swatch(style), el("span", style.name), el("span", "(" + counts[kind] + ")", "ag-count"));
      li.appendChild(label);
      $("ag-kinds").appendChild(li);
    }
  }

  function buildRelations() {
    for (const rel of data.relations) {
      const li = el("li");
      const label = el("label");
      const box = el("input");
      box.type = "checkbox";
      box.checked = rel.on;
      box.dataset.relation = rel.label;
      const line = el("span", null, "ag-line");
      line.style.background = rel.color;
      box.addEventListener("change", applyVisibility);
      label.append(box, line, el("span", rel.label), el("span", "(" + rel.count + ")", "ag-count"));
      li.appendChild(label);
      $("ag-relations").appendChild(li);
    }
  }

  /* ---------- record and date filters, neighbourhood focus ---------- */
  function buildRecords() {
    for (const r of data.records) {
      const option = el("option", (r.date ? r.date + " " : "") + r.title);
      option.value = r.id;
      $("ag-record").appendChild(option);
    }
    $("ag-record").addEventListener("change", applyVisibility);
    for (const id of ["ag-from", "ag-to"]) $(id).addEventListener("input", applyVisibility);
  }

  function inRange(date, from, to) {
    if (!from && !to) return true;
    if (!date) return false;
    return (!from || date >= from) && (!to || date.slice(0, to.length) <= to);
  }

  function allowedRecords() {
    const rec = $("ag-record").value;
    const from = $("ag-from").value.trim();
    const to = $("ag-to").value.trim();
    if (!rec && !from && !to) return null;
    return new Set(data.records.filter((r) => (!rec || r.id === rec) && inRange(r.date, from, to)).map((r) => r.id));
  }

  function neighbourhood(id, depth) {
    const seen = new Set([id]);
    let frontier = [id];
    for (let step = 0; step < depth; step++) {
      const next = [];
      for (const n of frontier) for (const nb of adjacency.get(n)) if (!seen.has(nb.id)) { seen.add(nb.id); next.push(nb.id); }
      frontier = next;
    }
    return seen;
  }

  function applyVisibility() {
    const kinds = new Set([...document.querySelectorAll("#ag-kinds input:checked")].map((b) => b.dataset.kind));
    const relations = new Set([...document.querySelectorAll("#ag-relations input:checked")].map((b) => b.dataset.relation));
    const allowed = allowedRecords();
    const hidden = new Map();
    const nodeUpdates = [];
    for (const n of data.nodes) {
      const d = details[n.id];
      const show = kinds.has(d.kind) && (!allowed || d.records.some((r) => allowed.has(r))) && (!focusSet || focusSet.has(n.id));
      hidden.set(n.id, !show);
      if (nodeHidden.get(n.id) !== !show) nodeUpdates.push({ id: n.id, hidden: !show });
      nodeHidden.set(n.id, !show);
    }
    const edgeUpdates = [];
    let shownEdges = 0;
    for (const e of data.edges) {
      const hide = hidden.get(e.from) || hidden.get(e.to) || !relations.has(e.relation);
      if (!hide) shownEdges++;
      if (edgeHidden.get(e.id) !== hide) edgeUpdates.push({ id: e.id, hidden: hide });
      edgeHidden.set(e.id, hide);
    }
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    const shownNodes = data.nodes.length - [...hidden.values()].filter(Boolean).length;
    $("ag-status").textContent = shownNodes + " of " + data.nodes.length + " nodes, " + shownEdges + " of " + data.edges.length + " edges shown";
  }

  function focusOn(id) {
    focusSet = neighbourhood(id, Number($("ag-depth").value));
    applyVisibility();
    network.fit({ nodes: [...focusSet], animation: false });
  }

  function resetAll() {
    focusSet = null;
    for (const box of document.querySelectorAll("#ag-kinds input")) box.checked = true;
    for (const box of document.querySelectorAll("#ag-relations input")) box.checked = true;
    $("ag-record").value = "";
    $("ag-from").value = "";
    $("ag-to").value = "";
    applyVisibility();
  }

  /* ---------- side panel ---------- */
  function section(panel, title, items) {
    if (!items.length) return;
    panel.appendChild(el("h3", title));
    const list = el("ul");
    for (const item of items) list.appendChild(item);
    panel.appendChild(list);
  }

  function nodeLink(id, prefix) {
    const li = el("li", prefix);
    const button = el("button", details[id] ? details[id].label : id, "ag-link");
    button.type = "button";
    button.addEventListener("click", () => selectNode(id));
    li.appendChild(button);
    return li;
  }

  function showPanel(id) {
    const d = details[id];
    const panel = $("ag-panel");
    panel.replaceChildren();
    if (!d) return;
    selected = id;
    $("ag-focus").disabled = false;
    panel.dataset.node = id;
    panel.append(el("div", (styles.get(d.kind) || {}).name || d.kind, "ag-kind"), el("h2", d.label), el("div", id, "ag-iri"));
    if (d.date) panel.appendChild(el("div", d.date));
    section(panel, "Names and aliases", [d.label, ...d.aliases].map((a) => el("li", a)));
    section(panel, "Identifiers", d.ids.map(linkItem));
    if (d.details.length) {
      const dl = el("dl");
      for (const [name, value] of d.details) dl.append(el("dt", name), el("dd", value));
      panel.append(el("h3", "Details"), dl);
    }
    section(panel, "Evidence (" + d.evidence.length + ")", groupQuotes(d.evidence).map(quoteItem));
    section(panel, "Records", d.records.filter((r) => r !== id).map((r) => nodeLink(r, "")));
    const links = adjacency.get(id).slice(0, 300);
    section(panel, "Connections", links.map((l) => nodeLink(l.id, l.out ? l.label + " \u2192 " : "\u2190 " + l.label + " ")));
  }

  function linkItem(ref) {
    const li = el("li");
    const url = safeUrl(ref.url);
    if (!url) { li.textContent = ref.label; return li; }
    const a = el("a", ref.label);
    a.href = url;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    li.appendChild(a);
    return li;
  }

  /* The same words quoted from the same record (a name mentioned 28 times) are shown once, counted. */
  function groupQuotes(evidence) {
    const groups = new Map();
    for (const q of evidence) {
      const key = q.record + "\u0000" + q.quote;
      if (!groups.has(key)) groups.set(key, { q: q, count: 0 });
      groups.get(key).count++;
    }
    return [...groups.values()];
  }

  function quoteItem(group) {
    const q = group.q;
    const li = el("li", null, "ag-evidence");
    const r = recordTitle.get(q.record) || {};
    const cite = (q.title || r.title || q.record) + (q.date ? ", " + q.date : "") + (group.count > 1 ? " (\u00d7" + group.count + ")" : "");
    li.append(el("blockquote", q.quote), el("div", cite, "ag-cite"));
    return li;
  }

  function showEdge(edgeId) {
    const e = edges.get(edgeId);
    const panel = $("ag-panel");
    panel.replaceChildren();
    panel.dataset.node = "";
    panel.append(el("div", "relation", "ag-kind"), el("h2", e.label));
    section(panel, "Between", [nodeLink(e.from, "from "), nodeLink(e.to, "to ")]);
  }

  function selectNode(id) {
    if (!details[id]) return;
    if (nodeHidden.get(id)) resetAll();
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 0.8), animation: false });
    showPanel(id);
  }

  /* ---------- search ---------- */
  const index = data.nodes.map((n) => ({ id: n.id, names: [details[n.id].label, ...details[n.id].aliases] }));

  function search(query) {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const hits = [];
    for (const entry of index) {
      const name = entry.names.find((a) => a.toLowerCase().includes(q));
      if (name !== undefined) hits.push({ id: entry.id, label: entry.names[0], match: name });
    }
    const rank = (h) => (h.match.toLowerCase() === q ? 0 : h.match.toLowerCase().startsWith(q) ? 1 : 2);
    hits.sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label));
    return hits.slice(0, 25);
  }

  function showResults() {
    const list = $("ag-search-results");
    list.replaceChildren();
    for (const hit of search($("ag-search").value)) {
      const button = el("button", hit.label);
      button.type = "button";
      button.dataset.node = hit.id;
      if (hit.match !== hit.label) button.append(el("span", " \u2014 " + hit.match, "ag-alias"));
      button.addEventListener("click", () => selectNode(hit.id));
      const li = el("li");
      li.appendChild(button);
      list.appendChild(li);
    }
  }

  /* ---------- wiring ---------- */
  network.on("click", (p) => {
    if (p.nodes.length) showPanel(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });
  network.on("doubleClick", (p) => { if (p.nodes.length) focusOn(p.nodes[0]); });
  $("ag-search").addEventListener("input", showResults);
  $("ag-search").addEventListener("keydown", (ev) => {
    if (ev.key !== "Enter") return;
    const first = search($("ag-search").value)[0];
    if (first) selectNode(first.id);
  });
  $("ag-focus").addEventListener("click", () => { if (selected) focusOn(selected); });
  $("ag-reset").addEventListener("click", resetAll);
  buildKinds();
  buildRelations();
  buildRecords();
  applyVisibility();
  window.agView = { nodes, edges, data, timings, search, selectNode, focusOn, resetAll, applyVisibility };
})();
