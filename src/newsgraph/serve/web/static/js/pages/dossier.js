// The dossier of two entities: meetings on a timeline, figure series as charts whose
// points lead to their source sentences, target progress, contradictions, quotes.

import { enc, get } from "../api.js";
import { empty, fill, h, section } from "../dom.js";
import { amount, isCurrency, percent, periodTime, plural, scaleFor, title } from "../format.js";
import { render, seriesSpec } from "../charts.js";
import { eventTimeline, quoteList, sourceLink, sourceRoute } from "../parts.js";

const AHEAD = new Set(["target", "plan", "forecast"]);

export async function dossier(main, { params, signal }) {
  const [a, b] = params;
  const countries = await get("/entities", { type: "COUNTRY", limit: 100 }, signal);
  if (!a || !b) {
    fill(main, section("Dossier of two entities", picker(countries.items, "", "")));
    return;
  }
  const d = await get("/dossier", { a, b, quotes: 12 }, signal);
  document.title = `${d.a_name} – ${d.b_name} – newsgraph`;
  const groups = groupSeries(d.series);
  fill(main,
    h("section", { class: "hero" },
      h("h1", {}, `${d.a_name} – ${d.b_name}`),
      h("p", { class: "muted" }, [plural(d.events.length, "event"), plural(d.series.length, "figure series"),
        plural(d.targets.length, "target"), plural(d.contradictions.length, "contradiction"),
        plural(d.quotes.length, "quote")].join(" · ")),
      picker(countries.items, d.a, d.b)),
    section("Meetings and events", eventTimeline(d.events)),
    section("Figures", charts(groups.charted), single(groups.single)),
    section("Targets", targets(d.targets)),
    section("Contradictions", contradictions(d.contradictions)),
    section("Quotes", quoteList(d.quotes)));
}

function picker(countries, a, b) {
  const options = h("datalist", { id: "country-list" }, countries.map((c) => h("option", { value: c.key }, c.name)));
  const input = (name, value) => h("input", { name, value, list: "country-list", required: true, size: 18,
    placeholder: "country:KZ or a name", "aria-label": name === "a" ? "first entity" : "second entity" });
  const form = h("form", { class: "picker" }, input("a", a), h("span", {}, " and "), input("b", b),
    h("button", { type: "submit" }, "Open dossier"), options);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const [x, y] = [form.elements.a.value.trim(), form.elements.b.value.trim()];
    if (x && y) window.location.hash = `#/dossier/${enc(x)}/${enc(y)}`;
  });
  return form;
}

// --- figures ------------------------------------------------------------------------

/** Series of one indicator, subject and unit drawn together (actuals and targets). */
function groupSeries(series) {
  const byKey = new Map();
  for (const s of series) {
    const key = `${s.indicator}|${s.subject.join(",")}|${s.unit}`;
    if (!byKey.has(key)) byKey.set(key, { indicator: s.indicator, unit: s.unit, names: s.subject_names, series: [] });
    byKey.get(key).series.push(s);
  }
  const groups = [...byKey.values()];
  const timed = (g) => g.series.flatMap((s) => s.points).filter((p) => periodTime(p.period) !== null).length;
  return { charted: groups.filter((g) => timed(g) >= 2), single: groups.filter((g) => timed(g) < 2) };
}

function chartPoints(group) {
  const points = group.series.flatMap((s) => s.points.map((p) => ({ s, p })))
    .filter(({ p }) => periodTime(p.period) !== null);
  const [divisor] = scaleFor(points.map(({ p }) => p.value));
  const actual = points.filter(({ s }) => !AHEAD.has(s.kind));
  const latest = actual.reduce((best, x) => (!best || periodTime(x.p.period) > periodTime(best.p.period) ? x : best), null);
  return points.map(({ s, p }) => ({
    toward: AHEAD.has(s.kind) || (latest !== null && p === latest.p && actual.length < points.length),
    t: periodTime(p.period), period: p.period, value: p.value / divisor,
    label: `${amount(p.value, p.unit)} (${s.kind})`,
    status: AHEAD.has(s.kind) ? "target" : p.conflicting ? "conflicting" : "reported",
    sources: plural(p.sources.length, "source"), hint: "click: the source sentence",
    href: p.sources.length ? sourceRoute(p.sources[0]) : null,
  }));
}

function yTitle(group, points) {
  const [, label] = scaleFor(group.series.flatMap((s) => s.points.map((p) => p.value)));
  const unit = group.unit === "percent" ? "%" : group.unit || "";
  return [unit, label].filter(Boolean).join(", ") || null;
}

function charts(groups) {
  if (!groups.length) return empty("No figure has two or more dated values yet.");
  return h("div", { class: "series-grid" }, groups.map((group) => {
    const points = chartPoints(group);
    const chart = h("div", { class: "chart series-chart", role: "img",
      "aria-label": `${group.indicator} over time` });
    render(chart, seriesSpec(points, yTitle(group, points))).catch((error) => chart.append(empty(`Chart failed: ${error.message}`)));
    return h("div", { class: "series" },
      h("h3", {}, title(group.indicator), h("span", { class: "muted" }, ` · ${group.names.join(" – ")}${group.unit && !isCurrency(group.unit) && group.unit !== "percent" ? ` · ${group.unit}` : ""}`)),
      chart, pointTable(group));
  }));
}

function pointTable(group) {
  const rows = group.series.flatMap((s) => s.points.map((p) => h("tr", { class: p.conflicting ? "conflicting" : "" },
    h("td", {}, p.period), h("td", { class: "num" }, amount(p.value, p.unit)), h("td", {}, s.kind),
    h("td", {}, p.sources.map((src, i) => [i ? ", " : "", sourceLink(src, src.doc_date || `source ${i + 1}`)])))));
  return h("table", { class: "table compact points" },
    h("thead", {}, h("tr", {}, h("th", {}, "period"), h("th", {}, "value"), h("th", {}, "kind"), h("th", {}, "sources"))),
    h("tbody", {}, rows));
}

function single(groups) {
  if (!groups.length) return null;
  const row = (g, s, p) => h("tr", {},
    h("td", {}, title(g.indicator)), h("td", { class: "num" }, amount(p.value, p.unit)), h("td", {}, p.period),
    h("td", {}, h("span", { class: `kind kind-${s.kind}` }, s.kind)),
    h("td", {}, p.sources.map((src, i) => [i ? ", " : "", sourceLink(src, src.doc_date || "source")])));
  const rows = groups.flatMap((g) => g.series.flatMap((s) => s.points.map((p) => row(g, s, p))));
  return h("details", { class: "more", open: true },
    h("summary", {}, `Other figures (${rows.length})`),
    h("table", { class: "table compact" },
      h("thead", {}, h("tr", {}, ["indicator", "value", "period", "kind", "source"].map((t) => h("th", {}, t)))),
      h("tbody", {}, rows)));
}

// --- targets and contradictions ---------------------------------------------------------

function targets(items) {
  if (!items.length) return empty("No targets found.");
  return h("div", { class: "targets" }, items.map((t) => {
    const bar = h("div", { class: "bar-fill" });
    bar.style.width = `${Math.max(0, Math.min(1, t.progress ?? 0)) * 100}%`;
    const status = t.on_track === null ? ["unknown", "not enough data"] : t.on_track ? ["on", "on track"] : ["off", "off track"];
    return h("div", { class: "target" },
      h("h3", {}, title(t.indicator), " ", h("span", { class: `badge track-${status[0]}` }, status[1])),
      h("p", {}, `Target ${amount(t.target_value, t.unit)} by ${t.target_period}`, " · ", sourceLink(t.target_source, "source")),
      h("div", { class: "bar", role: "progressbar", "aria-valuemin": 0, "aria-valuemax": 100,
        "aria-valuenow": Math.round((t.progress ?? 0) * 100) }, bar),
      h("p", { class: "small" },
        t.latest_value !== null ? [`Latest ${amount(t.latest_value, t.unit)} (${t.latest_period}), ${percent(t.progress)} of the target`,
          t.latest_source ? [" · ", sourceLink(t.latest_source, "source")] : null] : "No actual figure yet."),
      h("p", { class: "small muted" },
        `Growth needed ${percent(t.growth_needed_per_year)} a year · recent growth ${percent(t.recent_growth_per_year)} a year`));
  }));
}

function contradictions(items) {
  if (!items.length) return empty("No sources disagree.");
  return h("table", { class: "table" },
    h("thead", {}, h("tr", {}, ["indicator", "period", "values", "spread"].map((t) => h("th", {}, t)))),
    h("tbody", {}, items.map((c) => h("tr", {},
      h("td", {}, title(c.indicator)), h("td", {}, c.period),
      h("td", {}, c.values.map(([value, src], i) => [i ? "; " : "", amount(value, c.unit), " ", sourceLink(src, `(${src.doc_date || "source"})`)])),
      h("td", { class: "num" }, percent(c.spread))))));
}
