// Vega-Lite charts, rendered by vega in its CSP-safe expression interpreter (ast: true):
// no eval, no inline styles, no actions menu.

import { vegaHandler } from "./tooltip.js";
import { vegaEmbed } from "./vendor.js";

const OPTIONS = {
  mode: "vega-lite",
  ast: true,
  actions: false,
  defaultStyle: false,
  renderer: "svg",
  tooltip: vegaHandler,
  config: {
    font: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
    view: { stroke: null },
    axis: { labelColor: "#475569", titleColor: "#334155", gridColor: "#e2e8f0", domainColor: "#cbd5e1" },
  },
};

/** Render ``spec`` into ``el``; a click on a mark whose datum has ``href`` follows it. */
export async function render(el, spec) {
  const embed = await vegaEmbed();
  const result = await embed(el, spec, OPTIONS);
  result.view.addEventListener("click", (event, item) => {
    const href = item && item.datum && item.datum.href;
    if (href && href.startsWith("#/")) window.location.hash = href.slice(1);
  });
  el.dataset.rendered = "true";
  return result.view;
}

const X_TIME = (title, format) => ({ field: "t", type: "temporal", scale: { type: "utc" }, title,
  axis: { tickCount: 6, ...(format ? { format } : {}) } });

/** Figures over time; ``points``: {t, value, label, period, href, status, toward}: a solid
 * line joins what was reported, a dashed one leads from the latest actual to the targets. */
export function seriesSpec(points, yTitle) {
  const y = { field: "value", type: "quantitative", title: yTitle, scale: { zero: false } };
  return {
    width: "container", height: 200, autosize: { type: "fit-x", contains: "padding" },
    data: { values: points },
    layer: [
      { transform: [{ filter: "datum.status !== 'target'" }],
        mark: { type: "line", color: "#94a3b8" }, encoding: { x: X_TIME(null), y } },
      { transform: [{ filter: "datum.toward" }],
        mark: { type: "line", color: "#f59e0b", strokeDash: [5, 4] }, encoding: { x: X_TIME(null), y } },
      {
        mark: { type: "point", filled: true, size: 110, cursor: "pointer" },
        encoding: {
          x: X_TIME(null), y,
          color: {
            field: "status", type: "nominal", legend: null,
            scale: { domain: ["reported", "conflicting", "target"], range: ["#2563eb", "#dc2626", "#f59e0b"] },
          },
          shape: { field: "status", type: "nominal", legend: null,
                   scale: { domain: ["reported", "conflicting", "target"], range: ["circle", "diamond", "triangle-up"] } },
          tooltip: [
            { field: "period", title: "period" }, { field: "label", title: "value" },
            { field: "sources", title: "sources" }, { field: "hint", title: " " },
          ],
        },
      },
    ],
  };
}

/** Events as points on a time line, one row per event type. */
export function timelineSpec(events) {
  return {
    width: "container", height: 34 * new Set(events.map((e) => e.type)).size,
    autosize: { type: "fit-x", contains: "padding" },
    data: { values: events },
    mark: { type: "point", filled: true, size: 140, cursor: "pointer" },
    encoding: {
      x: X_TIME(null, "%b %Y"),
      y: { field: "type", type: "nominal", title: null, axis: { labelLimit: 140 } },
      color: { field: "type", type: "nominal", legend: null, scale: { scheme: "tableau10" } },
      tooltip: [
        { field: "date", title: "date" }, { field: "type", title: "type" },
        { field: "who", title: "participants" }, { field: "reports", title: "reports" },
      ],
    },
  };
}
