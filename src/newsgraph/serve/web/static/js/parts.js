// Pieces several pages share: source links, event timelines, quotes.

import { enc } from "./api.js";
import { empty, h, link } from "./dom.js";
import { periodTime, plural } from "./format.js";
import { render, timelineSpec } from "./charts.js";

/** The route to a source's sentence: the document with the claim or span lit. */
export function sourceRoute(source) {
  const base = `#/doc/${enc(source.doc_id)}`;
  if (source.claim_id) return `${base}?claim=${enc(source.claim_id)}`;
  if (source.evidence) return `${base}?hl=${source.evidence[0]}-${source.evidence[1]}`;
  return base;
}

export function sourceLink(source, text) {
  return link(sourceRoute(source), text || source.title || source.doc_id,
    { class: "source", title: source.evidence_text || "" });
}

export function sourceQuote(source) {
  return h("figure", { class: "evidence" },
    h("blockquote", {}, source.evidence_text || "(no sentence)"),
    h("figcaption", { class: "muted small" }, sourceLink(source), source.doc_date ? ` · ${source.doc_date}` : ""));
}

/** A timeline chart of merged events and the list under it. */
export function eventTimeline(events, { limit = 60 } = {}) {
  if (!events.length) return empty("No events found.");
  const chartable = events.map((e) => ({
    t: periodTime(e.date), date: e.date || "undated", type: e.type,
    who: e.participant_names.join(", "), reports: plural(e.reports.length, "report"),
    href: e.reports.length ? sourceRoute(e.reports[0]) : null,
  })).filter((e) => e.t !== null);
  const chart = h("div", { class: "chart timeline-chart", role: "img", "aria-label": "Events over time" });
  const list = h("ol", { class: "timeline" }, events.slice(-limit).reverse().map(eventItem));
  if (chartable.length) render(chart, timelineSpec(chartable)).catch((error) => chart.append(empty(`Chart failed: ${error.message}`)));
  return h("div", {}, chartable.length ? chart : null, list);
}

function eventItem(e) {
  return h("li", { class: "timeline-item" },
    h("div", { class: "when" }, e.date || "undated"),
    h("div", { class: "what" },
      h("strong", {}, e.type), e.trigger ? h("span", { class: "muted" }, ` “${e.trigger}”`) : null,
      h("div", {}, e.participants.map((key, i) => [i ? ", " : "", link(`#/entity/${enc(key)}`, e.participant_names[i] || key)])),
      e.topics.length ? h("div", { class: "muted small" }, e.topics.join(" · ")) : null,
      h("div", { class: "small" }, e.reports.slice(0, 5).map((r, i) => [i ? " · " : "", sourceLink(r, r.doc_date || `report ${i + 1}`)]),
        e.reports.length > 5 ? ` · +${e.reports.length - 5} more` : "")));
}

export function quoteList(quotes, { speaker = true } = {}) {
  if (!quotes.length) return empty("No quotes found.");
  return h("div", { class: "quotes" }, quotes.map((q) => h("figure", { class: "quote" },
    h("blockquote", { class: q.direct ? "direct" : "reported" }, q.text),
    h("figcaption", { class: "muted small" },
      speaker && q.speaker_key ? [link(`#/entity/${enc(q.speaker_key)}`, q.speaker_name || q.speaker_key), " · "] : null,
      link(q.span ? `#/doc/${enc(q.doc_id)}?hl=${q.span[0]}-${q.span[1]}` : `#/doc/${enc(q.doc_id)}`, q.title || q.doc_date || "source"),
      q.doc_date && q.title ? ` · ${q.doc_date}` : "",
      q.direct ? "" : " · reported"))));
}
