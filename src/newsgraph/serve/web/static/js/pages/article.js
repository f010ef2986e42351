// The article view: the text with every extracted item highlighted; hovering shows the
// normalized value ("last year -> 2022"), a figure shows its claim and lights its sentence.

import { enc, get } from "../api.js";
import { empty, fill, h, link, section } from "../dom.js";
import { amount, title } from "../format.js";
import { attach } from "../tooltip.js";

export async function article(main, { params, query, signal }) {
  const record = await get(`/documents/${enc(params[0])}`, {}, signal);
  document.title = `${record.title || record.id} – newsgraph`;
  const names = new Map(record.entities.flatMap((e) => [[e.id, e], [e.key, e]]));
  const marks = collectMarks(record, names);
  const view = renderText(record.text, marks);
  fill(main, h("div", { class: "article-layout" },
    h("article", { class: "card article" },
      h("h1", { class: "article-title" }, record.title || "(untitled)"),
      meta(record), legend(), view.el),
    h("aside", { class: "article-side" },
      claimsPanel(record, names, view), entitiesPanel(record), eventsPanel(record, names, view),
      timesPanel(record))));
  const focus = pickFocus(record, query);
  if (focus) view.focus(focus.start, focus.end, true);
}

function meta(record) {
  const parts = [record.date, record.source].filter(Boolean).join(" · ");
  return h("p", { class: "muted" }, parts,
    record.url ? [" · ", h("a", { href: record.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original")] : null,
    ` · id ${record.id}`);
}

function legend() {
  const chips = [["hl-ent t-person", "person"], ["hl-ent t-country", "country"], ["hl-ent t-org", "organization"],
    ["hl-ent t-location", "place"], ["hl-time", "time"], ["hl-qty", "quantity"], ["hl-claim", "figure (claim)"],
    ["hl-quote", "quote"]];
  return h("p", { class: "legend" }, chips.map(([cls, label]) => h("span", { class: `chip ${cls}` }, label)));
}

// --- marks: one per highlighted span, with the lines its tooltip shows ---------------

function collectMarks(record, names) {
  const marks = [];
  const add = (span, cls, lines, extra = {}) => {
    if (span && span[1] > span[0]) marks.push({ start: span[0], end: span[1], cls, lines, ...extra });
  };
  for (const e of record.entities) {
    const roles = e.roles.map((r) => ["role", [r.title, r.of && `of ${r.of}`, r.to && `to ${r.to}`].filter(Boolean).join(" ")]);
    for (const m of e.mentions) {
      add(m.span, `hl-ent t-${e.type.toLowerCase()}`,
        [e.name, ["type", e.type.toLowerCase()], ["key", e.key], ["mention", m.kind], ...roles],
        { href: `#/entity/${enc(e.key)}`, rank: 3 });
    }
  }
  for (const t of record.times) add(t.span, "hl-time", [`“${t.text}” → ${t.value ?? "unresolved"}`, ["type", t.type]], { rank: 2 });
  for (const q of record.quantities) {
    add(q.span, "hl-qty", [`${q.text} → ${amount(q.value, q.unit)}`, ["unit", q.unit || "—"],
      ...(q.approx ? [["approx", "yes"]] : [])], { rank: 1 });
  }
  for (const c of record.claims) add(c.span, "hl-claim", claimLines(c, names), { claim: c, rank: 0 });
  for (const q of record.quotes) {
    const who = q.speaker && names.get(q.speaker);
    add(q.span, "hl-quote", [q.direct ? "Direct quote" : "Reported speech", ["speaker", who ? who.name : "unknown"],
      ["cue", q.cue || "—"]], { rank: 4 });
  }
  return marks;
}

function claimLines(c, names) {
  const subject = c.subject.map((k) => (names.get(k) ? names.get(k).name : k)).join(" – ");
  const change = c.change && c.change.value !== null
    ? [["change", `${c.change.direction === "down" ? "−" : "+"}${amount(c.change.value, c.change.unit)}${c.change.basis ? ` (${c.change.basis})` : ""}`]] : [];
  return [
    `${title(c.indicator)}: ${amount(c.value, c.unit)}`,
    ["about", subject || "—"], ["period", c.period || "—"], ["kind", c.kind],
    ...change,
    ...(c.qualifiers.length ? [["qualifiers", c.qualifiers.join(", ")]] : []),
    ...(c.speaker && names.get(c.speaker) ? [["said by", names.get(c.speaker).name]] : []),
  ];
}

// --- the text, cut at every boundary of every span ------------------------------------

function renderText(text, marks) {
  const extra = [];  // evidence spans: boundaries only, so that a sentence lights up exactly
  const cuts = new Set([0, text.length]);
  for (const m of marks) { cuts.add(m.start); cuts.add(m.end); }
  const sorted = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const el = h("div", { class: "article-text", id: "article-text" });
  const segments = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const [start, end] = [sorted[i], sorted[i + 1]];
    const covering = marks.filter((m) => m.start <= start && m.end >= end).sort((a, b) => a.rank - b.rank);
    const span = h("span", { class: ["seg", ...covering.map((m) => m.cls)], dataset: { start, end } }, text.slice(start, end));
    segments.push({ start, end, el: span, marks: covering });
    el.append(span);
  }
  const bySpan = new Map(segments.map((s) => [s.el, s]));
  attach(el, (target) => {
    const seg = bySpan.get(target);
    return seg && seg.marks.length ? seg.marks.flatMap((m) => m.lines) : null;
  });
  const view = { el, segments, extra };
  view.focus = (start, end, scroll) => focus(view, start, end, scroll);
  el.addEventListener("click", (event) => {
    const seg = bySpan.get(event.target);
    if (!seg) return;
    const claim = seg.marks.find((m) => m.claim);
    const entity = seg.marks.find((m) => m.href);
    if (claim) selectClaim(view, claim.claim);
    else if (entity) window.location.hash = entity.href;
  });
  return view;
}

/** Light up [start, end) (sentences split at no cut are lit whole). */
function focus(view, start, end, scroll) {
  let first = null;
  for (const seg of view.segments) {
    const inside = seg.start < end && seg.end > start;
    seg.el.classList.toggle("focus", inside);
    if (inside && !first) first = seg.el;
  }
  view.el.dataset.focus = first ? `${start}-${end}` : "";
  if (first && scroll) first.scrollIntoView({ block: "center", behavior: "instant" });
}

function selectClaim(view, claim) {
  const span = claim.evidence || claim.span;
  if (span) view.focus(span[0], span[1], false);
  const base = window.location.hash.split("?")[0];
  window.history.replaceState(null, "", `${base}?claim=${enc(claim.id)}`);
}

function pickFocus(record, query) {
  const claim = query.get("claim") && record.claims.find((c) => c.id === query.get("claim"));
  const span = claim ? claim.evidence || claim.span : null;
  if (span) return { start: span[0], end: span[1] };
  const m = /^(\d+)-(\d+)$/.exec(query.get("hl") || "");
  return m ? { start: +m[1], end: +m[2] } : null;
}

// --- side panels -------------------------------------------------------------------------

function claimsPanel(record, names, view) {
  if (!record.claims.length) return section("Figures", empty("No figures found."));
  const rows = record.claims.map((c) => {
    const row = h("tr", { class: "clickable", tabindex: 0, dataset: { claim: c.id } },
      h("td", {}, title(c.indicator), " ", h("span", { class: `kind kind-${c.kind}` }, c.kind)),
      h("td", { class: "num" }, amount(c.value, c.unit)), h("td", {}, c.period || "—"));
    const select = () => selectClaim(view, c);
    row.addEventListener("click", select);
    row.addEventListener("keydown", (event) => { if (event.key === "Enter") select(); });
    return row;
  });
  return section("Figures", h("table", { class: "table compact" },
    h("thead", {}, h("tr", {}, h("th", {}, "indicator"), h("th", {}, "value"), h("th", {}, "period"))),
    h("tbody", {}, rows)));
}

function entitiesPanel(record) {
  if (!record.entities.length) return section("Entities", empty("No entities found."));
  return section("Entities", h("ul", { class: "plain" }, record.entities.map((e) => h("li", {},
    link(`#/entity/${enc(e.key)}`, e.name), " ", h("span", { class: `tag t-${e.type.toLowerCase()}` }, e.type.toLowerCase()),
    e.roles.length ? h("div", { class: "muted small" }, e.roles.map((r) => [r.title, r.of && `of ${r.of}`, r.to && `to ${r.to}`].filter(Boolean).join(" ")).join("; ")) : null))));
}

function eventsPanel(record, names, view) {
  if (!record.events.length) return section("Events", empty("No events found."));
  const who = (ids) => ids.map((i) => (names.get(i) ? names.get(i).name : i)).join(", ");
  return section("Events", h("ul", { class: "plain events" }, record.events.map((v) => {
    const item = h("li", { class: "clickable" },
      h("strong", {}, v.type), v.date ? ` · ${v.date}` : "",
      h("div", { class: "small" }, [who(v.actors), v.targets.length ? ` → ${who(v.targets)}` : ""].join("")),
      v.topics.length ? h("div", { class: "muted small" }, v.topics.join(", ")) : null);
    if (v.evidence) item.addEventListener("mouseenter", () => view.focus(v.evidence[0], v.evidence[1], false));
    return item;
  })));
}

function timesPanel(record) {
  if (!record.times.length) return null;
  return section("Times", h("ul", { class: "plain small" }, record.times.map((t) => h("li", {},
    `“${t.text}”`, " → ", h("code", {}, t.value ?? "unresolved")))));
}
