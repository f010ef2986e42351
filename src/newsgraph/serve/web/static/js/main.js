// The single-page app: hash routes, each page a shareable URL.
//   #/                      home        #/search?q=...        search
//   #/doc/ID?claim=C1       article     #/entity/KEY          entity
//   #/entities?type=...     entities    #/dossier/A/B         dossier of two entities

import { ApiError } from "./api.js";
import { fill, h } from "./dom.js";
import { hide } from "./tooltip.js";
import { article } from "./pages/article.js";
import { dossier } from "./pages/dossier.js";
import { entities, entity } from "./pages/entity.js";
import { home, search } from "./pages/search.js";

const ROUTES = [
  [/^\/?$/, home],
  [/^\/search$/, search],
  [/^\/doc\/([^/]+)$/, article],
  [/^\/entity\/([^/]+)$/, entity],
  [/^\/entities$/, entities],
  [/^\/dossier(?:\/([^/]+)\/([^/]+))?$/, dossier],
];

let current = null;

export function parse(hash) {
  const text = hash.replace(/^#/, "") || "/";
  const [path, queryText = ""] = text.split("?", 2);
  return { path, query: new URLSearchParams(queryText) };
}

async function route() {
  hide();
  if (current) current.abort();
  current = new AbortController();
  const { signal } = current;
  const main = document.getElementById("main");
  const { path, query } = parse(window.location.hash);
  const match = ROUTES.map(([re, page]) => [re.exec(path), page]).find(([m]) => m);
  // data-page says whether the page is drawn; data-route says for which address, so that a reader
  // (or a test) that changed the hash never takes the previous page's "ready" for the new one.
  const hash = window.location.hash;
  document.body.dataset.page = "loading";
  delete document.body.dataset.route;
  if (!match) {
    fill(main, h("section", { class: "card" }, h("h1", {}, "Not found"), h("p", {}, "No page at this address.")));
    ready(hash);
    return;
  }
  const [m, page] = match;
  const params = m.slice(1).map((part) => (part === undefined ? undefined : decodeURIComponent(part)));
  try {
    await page(main, { params, query, signal });
  } catch (error) {
    if (signal.aborted) return;
    showError(main, error);
  }
  if (!signal.aborted) ready(hash);
}

function ready(hash) {
  document.body.dataset.route = hash;
  document.body.dataset.page = "ready";
}

function showError(main, error) {
  const status = error instanceof ApiError ? error.status : 0;
  fill(main, h("section", { class: "card error" },
    h("h1", {}, status === 404 ? "Not found" : "Something went wrong"),
    h("p", {}, error.message || String(error))));
  console.warn(error);
}

function wireSearch() {
  const form = document.getElementById("search-form");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = form.elements.q.value.trim();
    window.location.hash = `#/search?${new URLSearchParams({ q })}`;
  });
}

window.addEventListener("hashchange", route);
wireSearch();
route();
