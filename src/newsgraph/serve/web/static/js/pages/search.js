// Home and search pages.

import { enc, get } from "../api.js";
import { empty, fill, h, link, section } from "../dom.js";
import { plural } from "../format.js";

export async function home(main, { signal }) {
  const [overview, countries, people] = await Promise.all([
    get("/overview", {}, signal),
    get("/entities", { type: "COUNTRY", limit: 12 }, signal),
    get("/entities", { type: "PERSON", limit: 12 }, signal),
  ]);
  document.title = "newsgraph";
  fill(main,
    h("section", { class: "hero" },
      h("h1", {}, "The analyst's desk"),
      h("p", { class: "muted" },
        `${plural(overview.documents, "document")} · ${plural(overview.entities, "entity")} · `
        + `${plural(overview.claims, "figure")} · ${plural(overview.events, "event")} · ${plural(overview.quotes, "quote")}`)),
    section("Dossiers", overview.pairs.length
      ? h("ul", { class: "pairs" }, overview.pairs.map((p) => h("li", {},
        link(`#/dossier/${enc(p.a)}/${enc(p.b)}`, `${p.a_name} – ${p.b_name}`, { class: "pair" }),
        h("span", { class: "muted" }, ` ${plural(p.documents, "document")} · ${plural(p.claims, "figure")}`))))
      : empty("No two countries are named together yet: ingest some articles.")),
    h("div", { class: "columns" },
      section("Countries", entityList(countries.items)),
      section("People", entityList(people.items))));
}

function entityList(items) {
  if (!items.length) return empty("None yet.");
  return h("ul", { class: "plain" }, items.map((e) => h("li", {},
    link(`#/entity/${enc(e.key)}`, e.name), h("span", { class: "muted" }, ` ${plural(e.documents, "document")}`))));
}

export async function search(main, { query, signal }) {
  const params = {
    q: query.get("q"), date_from: query.get("from"), date_to: query.get("to"),
    source: query.get("source"), entity: query.get("entity"),
    offset: query.get("offset") || 0, limit: 20,
  };
  const input = document.getElementById("search-input");
  if (input && document.activeElement !== input) input.value = params.q || "";
  const result = await get("/documents", params, signal);
  document.title = `${params.q || "Documents"} – newsgraph`;
  fill(main, section(params.q ? `Documents matching “${params.q}”` : "Documents",
    filters(query),
    result.items.length ? h("ol", { class: "hits", start: +params.offset + 1 }, result.items.map(hit)) : empty("Nothing found."),
    pager(query, result)));
}

function hit(doc) {
  return h("li", { class: "hit" },
    link(`#/doc/${enc(doc.id)}`, doc.title || doc.id, { class: "hit-title" }),
    h("div", { class: "muted small" }, [doc.date, doc.source].filter(Boolean).join(" · ")),
    h("p", { class: "snippet" }, doc.snippet));
}

function filters(query) {
  const form = h("form", { class: "filters" },
    h("label", {}, "From ", h("input", { name: "from", type: "date", value: query.get("from") || "" })),
    h("label", {}, "To ", h("input", { name: "to", type: "date", value: query.get("to") || "" })),
    h("label", {}, "Source ", h("input", { name: "source", value: query.get("source") || "", size: 14 })),
    h("label", {}, "Entity ", h("input", { name: "entity", value: query.get("entity") || "", size: 14, placeholder: "country:KZ" })),
    h("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams(query);
    for (const name of ["from", "to", "source", "entity"]) {
      const value = form.elements[name].value.trim();
      if (value) next.set(name, value); else next.delete(name);
    }
    next.delete("offset");
    window.location.hash = `#/search?${next}`;
  });
  return form;
}

export function pager(query, result, base = "#/search") {
  const links = [];
  if (result.offset > 0) {
    const prev = new URLSearchParams(query);
    prev.set("offset", Math.max(0, result.offset - result.limit));
    links.push(link(`${base}?${prev}`, "← Newer / previous"));
  }
  if (result.next_offset !== null) {
    const next = new URLSearchParams(query);
    next.set("offset", result.next_offset);
    links.push(link(`${base}?${next}`, "More →"));
  }
  return links.length ? h("nav", { class: "pager" }, links) : null;
}
