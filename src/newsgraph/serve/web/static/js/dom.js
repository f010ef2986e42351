// Building the DOM safely: every piece of data goes in as text (textContent) or as a
// checked attribute, never as markup. Article text and titles are untrusted.

const FORBIDDEN_ATTR = /^(on|style$|srcdoc$|formaction$)/i;

/** A safe href: an in-app route ("#/..."), a path on this server, or an http(s) URL. */
export function safeHref(value) {
  const text = String(value ?? "");
  if (text.startsWith("#/") || (text.startsWith("/") && !text.startsWith("//"))) return text;
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : "#/";
  } catch {
    return "#/";
  }
}

function setAttr(el, name, value) {
  if (value === null || value === undefined || value === false) return;
  if (FORBIDDEN_ATTR.test(name)) throw new Error(`attribute not allowed: ${name}`);
  if (name === "class") el.className = Array.isArray(value) ? value.filter(Boolean).join(" ") : value;
  else if (name === "href" || name === "src") el.setAttribute(name, safeHref(value));
  else if (name === "dataset") Object.assign(el.dataset, value);
  else if (name === "text") el.textContent = String(value);
  else el.setAttribute(name, value === true ? "" : String(value));
}

/** h("a", {href: "#/x", class: "k"}, "text", child...) -> an element; strings become text nodes. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) setAttr(el, name, value);
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replace everything inside ``el`` with ``children``. */
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

export function section(title, ...children) {
  return h("section", { class: "card" }, h("h2", {}, title), ...children);
}

export function empty(text) {
  return h("p", { class: "empty" }, text);
}

export function link(route, text, attrs = {}) {
  return h("a", { ...attrs, href: route }, text);
}
