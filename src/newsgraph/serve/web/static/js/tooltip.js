// One floating tooltip for the whole page, filled with text only.

import { fill, h } from "./dom.js";

const tip = () => document.getElementById("tooltip");

/** Show ``lines`` (strings, or [label, value] pairs) near the pointer or element. */
export function show(lines, x, y) {
  const el = tip();
  if (!el || !lines || !lines.length) return;
  fill(el, lines.map((line) => (Array.isArray(line)
    ? h("div", {}, h("span", { class: "tip-label" }, line[0]), " ", line[1])
    : h("div", { class: "tip-head" }, line))));
  el.hidden = false;
  const pad = 14;
  const { innerWidth, innerHeight } = window;
  const box = el.getBoundingClientRect();
  const left = Math.min(x + pad, innerWidth - box.width - 8);
  const top = y + pad + box.height > innerHeight ? y - box.height - pad : y + pad;
  el.style.left = `${Math.max(8, left)}px`;
  el.style.top = `${Math.max(8, top)}px`;
}

export function hide() {
  const el = tip();
  if (el) el.hidden = true;
}

/** Tooltips for ``el``: ``linesFor(target)`` gives the lines of the element under the pointer. */
export function attach(el, linesFor) {
  el.addEventListener("mousemove", (event) => {
    const lines = linesFor(event.target);
    if (lines && lines.length) show(lines, event.clientX, event.clientY);
    else hide();
  });
  el.addEventListener("mouseleave", hide);
}

/** A vega tooltip handler that shows the datum's fields as text. */
export function vegaHandler(handler, event, item, value) {
  if (value === null || value === undefined || value === "") {
    hide();
    return;
  }
  const lines = typeof value === "object"
    ? Object.entries(value).map(([k, v]) => [k, String(v)])
    : [String(value)];
  show(lines, event.clientX, event.clientY);
}
