// The entity page (roles over time, events, quotes, a graph of related entities) and
// the list of entities.

import { enc, get } from "../api.js";
import { empty, fill, h, link, section } from "../dom.js";
import { plural } from "../format.js";
import { cytoscape } from "../vendor.js";
import { eventTimeline, quoteList } from "../parts.js";
import { pager } from "./search.js";

const TYPES = ["COUNTRY", "PERSON", "ORG", "LOCATION", "FACILITY", "INITIATIVE", "OTHER"];
const COLORS = { PERSON: "#7c3aed", COUNTRY: "#2563eb", ORG: "#0d9488", LOCATION: "#ca8a04",
  FACILITY: "#ea580c", INITIATIVE: "#db2777", OTHER: "#64748b" };

export async function entity(main, { params, signal }) {
  const e = await get(`/entities/${enc(params[0])}`, {}, signal);
  document.title = `${e.name} – newsgraph`;
  const graph = h("div", { class: "graph", id: "entity-graph", role: "img", "aria-label": `Entities named with ${e.name}` });
  fill(main,
    h("section", { class: "hero" },
      h("h1", {}, e.name, " ", h("span", { class: `tag t-${e.type.toLowerCase()}` }, e.type.toLowerCase())),
      h("p", { class: "muted" }, [e.key, e.country && `country ${e.country}`, plural(e.documents.length, "recent document")].filter(Boolean).join(" · "),
        " · ", link(`#/search?entity=${enc(e.key)}`, "all documents"))),
    h("div", { class: "columns" },
      section("Roles over time", roles(e.roles)),
      section("Related entities", e.related.length ? graph : empty("No other entity is named with it."), relatedList(e.related))),
    section("Events", eventTimeline(e.events)),
    section("Quotes", quoteList(e.quotes.map((q) => ({ ...q, title: q.title, speaker_key: null })), { speaker: false })),
    section("Documents", h("ul", { class: "plain" }, e.documents.map((d) => h("li", {},
      link(`#/doc/${enc(d.id)}`, d.title || d.id), h("span", { class: "muted small" }, ` ${d.date || ""}`))))));
  if (e.related.length) drawGraph(graph, e).catch((error) => graph.append(empty(`Graph failed: ${error.message}`)));
}

/** Roles grouped by title and country, with the first and last date they are reported. */
function roles(rows) {
  if (!rows.length) return empty("No roles reported.");
  const groups = new Map();
  for (const r of rows) {
    const key = [r.title, r.of, r.to].join("|");
    const g = groups.get(key) || { ...r, first: r.date, last: r.date, docs: [] };
    g.first = [g.first, r.date].filter(Boolean).sort()[0] || null;
    g.last = [g.last, r.date].filter(Boolean).sort().slice(-1)[0] || null;
    g.docs.push(r.doc_id);
    groups.set(key, g);
  }
  return h("table", { class: "table compact" },
    h("thead", {}, h("tr", {}, ["title", "of", "to", "reported", "documents"].map((t) => h("th", {}, t)))),
    h("tbody", {}, [...groups.values()].map((g) => h("tr", {},
      h("td", {}, g.title), h("td", {}, g.of || "—"), h("td", {}, g.to || "—"),
      h("td", {}, g.first === g.last ? g.first || "undated" : `${g.first} – ${g.last}`),
      h("td", {}, [...new Set(g.docs)].slice(0, 4).map((id, i) => [i ? ", " : "", link(`#/doc/${enc(id)}`, `#${i + 1}`)]))))));
}

function relatedList(items) {
  return h("ul", { class: "plain small related" }, items.map((r) => h("li", {},
    link(`#/entity/${enc(r.key)}`, r.name), h("span", { class: "muted" }, ` ${r.type.toLowerCase()} · ${plural(r.documents, "shared document")}`))));
}

async function drawGraph(el, e) {
  const cy = await cytoscape();
  const top = Math.max(...e.related.map((r) => r.documents), 1);
  const nodes = [{ data: { id: e.key, label: e.name, type: e.type, size: 46 } },
    ...e.related.map((r) => ({ data: { id: r.key, label: r.name, type: r.type, size: 18 + 22 * (r.documents / top) } }))];
  const edges = [...e.related.map((r) => ({ data: { id: `c-${r.key}`, source: e.key, target: r.key, weight: r.documents } })),
    ...e.edges.map((x, i) => ({ data: { id: `r-${i}`, source: x.source, target: x.target, weight: x.weight } }))];
  const graph = cy({
    container: el, elements: { nodes, edges }, userZoomingEnabled: true,
    layout: { name: "concentric", concentric: (n) => (n.id() === e.key ? 2 : 1), levelWidth: () => 1, padding: 16, animate: false },
    style: [
      { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)", "font-size": 11,
        color: "#0f172a", "text-valign": "bottom", "text-margin-y": 4,
        "background-color": (n) => COLORS[n.data("type")] || COLORS.OTHER } },
      { selector: "edge", style: { width: (x) => 1 + Math.log2(1 + x.data("weight")), "line-color": "#cbd5e1", "curve-style": "haystack" } },
    ],
  });
  graph.on("tap", "node", (event) => {
    const key = event.target.id();
    if (key !== e.key) window.location.hash = `#/entity/${enc(key)}`;
  });
  el.dataset.rendered = "true";
}

export async function entities(main, { query, signal }) {
  const params = { type: query.get("type"), q: query.get("q"), limit: 50, offset: query.get("offset") || 0 };
  const result = await get("/entities", params, signal);
  document.title = "Entities – newsgraph";
  const select = h("select", { name: "type", "aria-label": "type" }, h("option", { value: "" }, "all types"),
    TYPES.map((t) => h("option", { value: t, selected: params.type === t }, t.toLowerCase())));
  const form = h("form", { class: "filters" }, select, h("input", { name: "q", value: params.q || "", placeholder: "name or key" }),
    h("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (select.value) next.set("type", select.value);
    if (form.elements.q.value.trim()) next.set("q", form.elements.q.value.trim());
    window.location.hash = `#/entities?${next}`;
  });
  fill(main, section("Entities", form, result.items.length ? h("table", { class: "table" },
    h("thead", {}, h("tr", {}, ["name", "type", "key", "documents", "mentions"].map((t) => h("th", {}, t)))),
    h("tbody", {}, result.items.map((x) => h("tr", {},
      h("td", {}, link(`#/entity/${enc(x.key)}`, x.name)), h("td", {}, x.type.toLowerCase()), h("td", { class: "muted" }, x.key),
      h("td", { class: "num" }, x.documents), h("td", { class: "num" }, x.mentions))))) : empty("No entities."),
  pager(query, result, "#/entities")));
}
