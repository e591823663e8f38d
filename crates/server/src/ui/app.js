// chancery's web UI: search with facets, article pages with highlighted entities, dates,
// amounts and quotes, and the routing between every view. Views are URL fragments (#/search?...,
// #/article/ID, #/story/ID, #/entity/NAME, #/relations/A/B, ...), so every view can be
// bookmarked; all data comes from the server's own /api. Shared helpers are in core.js and
// charts.js, the other views in story.js, entity.js and relations.js.
"use strict";

const FILTERS = ["entity", "country", "place", "source", "language", "since", "until"];

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
    el("h2", {}, el("a", { href: articleHref(hit.id), class: "hit-title",
      html: hit.title_html || escapeText(hit.title || "(untitled)") })),
    el("div", { class: "meta" }, meta(hit),
      hit.story != null ? [" · ", el("a", { href: storyHref(hit.story), class: "hit-story", text: "its story" })] : []),
    hit.snippet ? el("p", { class: "snippet", html: hit.snippet }) : null));
  const pager = el("div", { class: "pager" },
    page > 1 ? el("a", { href: searchHash({ ...params, page: String(page - 1) }), text: "← previous" }) : null,
    results.offset + results.hits.length < results.total
      ? el("a", { href: searchHash({ ...params, page: String(page + 1) }), text: "next →" }) : null);
  view.replaceChildren(el("div", { class: "layout" },
    facetPanel(results.facets, params),
    el("section", { class: "results" },
      el("div", { class: "filters" }, chips),
      el("p", { class: "meta", id: "total", text: plural(results.total, "article") }),
      hits, pager)));
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

function marksFor(article, block, index) {
  const marks = [];
  for (const entity of article.entities || []) {
    for (const m of entity.mentions || []) {
      if (m.block !== block || m.index !== index) continue;
      marks.push({ start: m.start, end: m.end, class: `entity t-${entity.type}`,
        title: `${entity.name} (${entity.type})`, href: entityHref(entity.name) });
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

// The quotes of a block as ranges wrapping its other marks.
function quotesIn(article, block, index) {
  const ranges = [];
  for (const q of article.quotes || []) {
    for (const piece of q.pieces || []) {
      if (piece.block !== block || piece.index !== index) continue;
      const who = q.speaker ? (q.speaker.entity || q.speaker.text) : "unattributed";
      ranges.push({ start: piece.start, end: piece.end, class: `quote q-${q.kind}`, title: `${who}${q.cue ? " " + q.cue : ""} (${q.kind})` });
    }
  }
  return ranges;
}

function placementLine(a) {
  const p = a.placement;
  if (!p) return null;
  return el("p", { class: "meta", id: "article-story" }, "Story: ",
    el("a", { href: storyHref(p.story), class: "story-link", text: a.story_title || `#${p.story}` }),
    p.duplicate_of ? [" · a copy of ", el("a", { href: articleHref(p.duplicate_of), class: "copy-of", text: p.duplicate_of })] : [],
    p.inferred_published ? ` · dated ${p.inferred_published} from its story` : "");
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
    el("a", { href: entityHref(e.name), class: "entity-link", text: e.name }),
    ` ${e.type}`, e.roles && e.roles.length ? ` — ${e.roles.join(", ")}` : "",
    e.place ? ` (${[e.place.name, e.place.country].filter(Boolean).join(", ")})` : ""));
  const provenance = el("table", {}, el("tr", {}, el("th", { text: "input" }), el("th", { text: "bytes" }), el("th", { text: "url" })),
    (a.provenance || []).map((p) => el("tr", {}, el("td", { text: p.path }),
      el("td", { text: `${p.offset}+${p.length}` }), el("td", { text: p.url || "" }))));
  view.replaceChildren(el("div", { class: "columns" },
    el("article", {},
      el("h1", { id: "article-title" }, a.title ? highlighted(a.title.text, marksFor(a, "title", 0), quotesIn(a, "title", 0)) : title),
      el("p", { class: "meta", text: [a.source, a.published, a.language, a.url].filter(Boolean).join(" · ") }),
      placementLine(a),
      (a.captions || []).map((c, i) => el("p", { class: "caption" }, highlighted(c.text, marksFor(a, "caption", i), quotesIn(a, "caption", i)))),
      (a.paragraphs || []).map((p, i) => el("p", {}, highlighted(p.text, marksFor(a, "paragraph", i), quotesIn(a, "paragraph", i)))),
      el("p", {}, toggle), removedList),
    el("aside", {},
      el("section", { id: "entities" }, el("h3", { text: `Entities (${entities.length})` }),
        entities.length ? el("ul", {}, entities) : el("p", { class: "meta", text: "none stored" })),
      part(`Quotes (${(a.quotes || []).length})`, { id: "article-quotes" },
        (a.quotes || []).length ? quoteList(a.quotes, null, false) : null),
      el("section", {}, el("h3", { text: "Provenance" }), provenance))));
}

// --- routing ---
async function route() {
  const hash = location.hash || "#/";
  const [path, query] = hash.slice(1).split("?");
  const params = Object.fromEntries(new URLSearchParams(query || ""));
  document.title = "chancery";
  try {
    const parts = path.split("/").slice(1).map(decodeURIComponent);
    if (parts[0] === "article" && parts[1]) await renderArticle(parts[1]);
    else if (parts[0] === "story" && parts[1]) await renderStory(parts[1]);
    else if (parts[0] === "stories") await renderStories(params);
    else if (parts[0] === "entity" && parts[1]) await renderEntity(parts.slice(1).join("/"));
    else if (parts[0] === "entities") await renderEntities();
    else if (parts[0] === "relations" && parts[1] && parts[2]) await renderPair(parts[1], parts[2], params);
    else if (parts[0] === "relations") await renderRelations();
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
