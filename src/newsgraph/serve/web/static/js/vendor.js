// The vendored libraries load on first use, from this server only.

const loaded = new Map();

function script(src) {
  if (!loaded.has(src)) {
    loaded.set(src, new Promise((resolve, reject) => {
      const el = document.createElement("script");
      el.src = src;
      el.async = false;
      el.addEventListener("load", resolve);
      el.addEventListener("error", () => reject(new Error(`cannot load ${src}`)));
      document.head.append(el);
    }));
  }
  return loaded.get(src);
}

/** Vega, Vega-Lite and vega-embed; resolves to window.vegaEmbed. */
export async function vegaEmbed() {
  await script("/static/vendor/vega/vega.min.js");
  await script("/static/vendor/vega-lite/vega-lite.min.js");
  await script("/static/vendor/vega-embed/vega-embed.min.js");
  return window.vegaEmbed;
}

/** Cytoscape.js; resolves to window.cytoscape. */
export async function cytoscape() {
  await script("/static/vendor/cytoscape/cytoscape.min.js");
  return window.cytoscape;
}
