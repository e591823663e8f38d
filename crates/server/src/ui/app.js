// chancery's web UI: search with facets, article pages with highlighted entities, dates and
// amounts, and entity pages. Views are URL fragments (#/search?..., #/article/ID, #/entity/NAME),
// so every view can be bookmarked; all data comes from the server's own /api.
"use strict";

const view = document.getElementById("view");
const FILTERS = ["entity", "country", "place", "source", "language", "since", "until", "story"];

// --- small DOM helpers: text is always set as text, never parsed as HTML ---
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null) continue;
    if (key === "text") node.textContent = value;
    else if (key === "html") node.innerHTML = value; // only for server-escaped snippets
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({ message: response.statusText }));
  if (!response.ok) throw new Error(body.message || response.statusText);
  return body;
}

function showError(error) {
  view.replaceChildren(el("p", { class: "error", text: String(error.message || error) }));
}

function searchHash(params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  return "#/search?" + query.toString();
}

function meta(item) {
  return [item.source, item.published, item.language].filter(Boolean).join(" · ");
}

// --- search ---
async function renderSearch(params) {
  document.getElementById("q").value = params.q || "";
  const page = Math.max(1, parseInt(params.page || "1", 10) || 1);
  const query = new URLSearchParams({ facets: "true", page: String(page), page_size: "10" });
  if (params.q) query.set("q", params.q);
  for (const name of FILTERS) if (params[name]) query.set(name, params[name]);
  const results = await api("/api/search?" + query.toString());
  const chips = FILTERS.filter((n) => params[n]).map((name) => {
    const without = { ...params, [name]: "", page: "" };
    return el("span", { class: "chip" }, `${name}: ${params[name]} `,
      el("a", { href: searchHash(without), title: "remove filter", text: "×" }));
  });
  const hits = results.hits.map((hit) => el("div", { class: "hit" },
    el("h2", {}, el("a", { href: "#/article/" + encodeURIComponent(hit.id), class: "hit-title",
      html: hit.title_html || escapeText(hit.title || "(untitled)") })),
    el("div", { class: "meta", text: meta(hit) }),
    hit.snippet ? el("p", { class: "snippet", html: hit.snippet }) : null));
  const pager = el("div", { class: "pager" },
    page > 1 ? el("a", { href: searchHash({ ...params, page: String(page - 1) }), text: "← previous" }) : null,
    results.offset + results.hits.length < results.total
      ? el("a", { href: searchHash({ ...params, page: String(page + 1) }), text: "next →" }) : null);
  view.replaceChildren(el("div", { class: "layout" },
    facetPanel(results.facets, params),
    el("section", { class: "results" },
      el("div", { class: "filters" }, chips),
      el("p", { class: "meta", id: "total", text: `${results.total} article${results.total === 1 ? "" : "s"}` }),
      hits, pager)));
}

function escapeText(text) {
  const span = document.createElement("span");
  span.textContent = text;
  return span.innerHTML;
}

function facetPanel(facets, params) {
  if (!facets) return el("aside", { class: "facets" });
  const group = (title, filter, values, label) => values.length === 0 ? null : el("div", {},
    el("h3", { text: title }),
    el("ul", {}, values.map((v) => {
      const value = v.value ?? v.name;
      return el("li", {}, el("a", {
        href: searchHash({ ...params, [filter]: value, page: "" }),
        class: params[filter] === value ? "active" : null,
      }, el("span", { text: label ? label(v) : value }), el("span", { class: "count", text: String(v.count) })));
    })));
  return el("aside", { class: "facets" },
    group("Source", "source", facets.source),
    group("Language", "language", facets.language),
    group("Country", "country", facets.country),
    group("Entities", "entity", facets.entity, (v) => `${v.name} (${v.type})`));
}

// --- article ---

// Byte offsets (UTF-8) into a block's text, turned into marked-up DOM nodes.
function highlighted(text, marks) {
  const bytes = new TextEncoder().encode(text);
  const decode = (a, b) => new TextDecoder().decode(bytes.slice(a, b));
  const sorted = marks.filter((m) => m.start < m.end && m.end <= bytes.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const nodes = [];
  let at = 0;
  for (const mark of sorted) {
    if (mark.start < at) continue; // overlapping: the earlier, longer mark wins
    if (mark.start > at) nodes.push(decode(at, mark.start));
    const attrs = { class: mark.class, title: mark.title };
    const inner = decode(mark.start, mark.end);
    nodes.push(mark.href ? el("a", { href: mark.href }, el("mark", attrs, inner)) : el("mark", attrs, inner));
    at = mark.end;
  }
  if (at < bytes.length) nodes.push(decode(at, bytes.length));
  return nodes;
}

function marksFor(article, block, index) {
  const marks = [];
  for (const entity of article.entities || []) {
    for (const m of entity.mentions || []) {
      if (m.block !== block || m.index !== index) continue;
      marks.push({ start: m.start, end: m.end, class: `entity t-${entity.type}`,
        title: `${entity.name} (${entity.type})`, href: "#/entity/" + encodeURIComponent(entity.name) });
    }
  }
  for (const d of article.dates || []) {
    if (d.block === block && d.index === index)
      marks.push({ start: d.start, end: d.end, class: "date", title: `${d.kind || d.type || "date"} ${d.value || ""}`.trim() });
  }
  for (const a of article.amounts || []) {
    if (a.block === block && a.index === index)
      marks.push({ start: a.start, end: a.end, class: "amount", title: `${a.value} ${a.unit || ""}`.trim() });
  }
  return marks;
}

async function renderArticle(id) {
  const a = await api("/api/articles/" + encodeURIComponent(id));
  const title = a.title ? a.title.text : "(untitled)";
  document.title = title + " · chancery";
  const removedList = el("ul", { class: "removed", id: "removed", hidden: "" },
    (a.removed || []).map((r) => el("li", {}, r.text, el("span", { class: "reason", text: r.reason }))));
  const toggle = el("button", { class: "secondary", id: "toggle-removed", type: "button",
    onclick: () => {
      removedList.hidden = !removedList.hidden;
      toggle.textContent = removedList.hidden ? `Show removed lines (${a.removed.length})` : "Hide removed lines";
    } }, `Show removed lines (${(a.removed || []).length})`);
  const entities = (a.entities || []).map((e) => el("li", {},
    el("a", { href: "#/entity/" + encodeURIComponent(e.name), class: "entity-link", text: e.name }),
    ` ${e.type}`, e.roles && e.roles.length ? ` — ${e.roles.join(", ")}` : "",
    e.place ? ` (${[e.place.name, e.place.country].filter(Boolean).join(", ")})` : ""));
  const provenance = el("table", {}, el("tr", {}, el("th", { text: "input" }), el("th", { text: "bytes" }), el("th", { text: "url" })),
    (a.provenance || []).map((p) => el("tr", {}, el("td", { text: p.path }),
      el("td", { text: `${p.offset}+${p.length}` }), el("td", { text: p.url || "" }))));
  view.replaceChildren(el("div", { class: "columns" },
    el("article", {},
      el("h1", { id: "article-title" }, a.title ? highlighted(a.title.text, marksFor(a, "title", 0)) : title),
      el("p", { class: "meta", text: [a.source, a.published, a.language, a.url].filter(Boolean).join(" · ") }),
      (a.captions || []).map((c, i) => el("p", { class: "caption" }, highlighted(c.text, marksFor(a, "caption", i)))),
      (a.paragraphs || []).map((p, i) => el("p", {}, highlighted(p.text, marksFor(a, "paragraph", i)))),
      el("p", {}, toggle), removedList),
    el("aside", {},
      el("section", { id: "entities" }, el("h3", { text: `Entities (${entities.length})` }),
        entities.length ? el("ul", {}, entities) : el("p", { class: "meta", text: "none stored" })),
      el("section", {}, el("h3", { text: "Provenance" }), provenance))));
}

// --- entities ---
async function renderEntity(name) {
  const e = await api("/api/entities/" + encodeURIComponent(name));
  document.title = e.name + " · chancery";
  const list = (title, values) => values.length === 0 ? null : el("section", {}, el("h3", { text: title }),
    el("ul", {}, values.map((v) => el("li", {}, `${v.value} `, el("span", { class: "count", text: `(${v.articles})` })))));
  view.replaceChildren(el("div", { class: "columns" },
    el("section", {},
      el("h1", { id: "entity-name", text: e.name }),
      el("p", { class: "meta", text: [e.type, e.place ? `${e.place.name}, ${e.place.country} (${e.place.lat}, ${e.place.lon})` : null].filter(Boolean).join(" · ") }),
      el("h3", { text: `Articles naming it (${e.total_articles})` }),
      e.articles.map((a) => el("div", { class: "hit" },
        el("h2", {}, el("a", { href: "#/article/" + encodeURIComponent(a.id), text: a.title || "(untitled)" })),
        el("div", { class: "meta", text: `${meta(a)} · ${a.mentions} mention${a.mentions === 1 ? "" : "s"}${a.roles.length ? " · " + a.roles.join(", ") : ""}` })))),
    el("aside", {}, list("Roles", e.roles), list("Also named", e.aliases),
      list("Affiliations", e.affiliations), list("Countries", e.countries))));
}

async function renderEntities() {
  const result = await api("/api/entities");
  view.replaceChildren(el("section", {}, el("h1", { text: "Entities" }),
    result.entities.length === 0 ? el("p", { class: "meta", text: "No entities stored yet." }) :
      el("ul", {}, result.entities.map((e) => el("li", {},
        el("a", { href: "#/entity/" + encodeURIComponent(e.name), text: e.name }),
        ` ${e.type} `, el("span", { class: "count", text: `(${e.articles})` }))))));
}

// --- routing ---
async function route() {
  const hash = location.hash || "#/";
  const [path, query] = hash.slice(1).split("?");
  const params = Object.fromEntries(new URLSearchParams(query || ""));
  document.title = "chancery";
  try {
    if (path.startsWith("/article/")) await renderArticle(decodeURIComponent(path.slice(9)));
    else if (path.startsWith("/entity/")) await renderEntity(decodeURIComponent(path.slice(8)));
    else if (path === "/entities") await renderEntities();
    else await renderSearch(params);
  } catch (error) {
    showError(error);
  }
}

document.getElementById("search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  location.hash = searchHash({ q: document.getElementById("q").value.trim() });
});
window.addEventListener("hashchange", route);
route();
