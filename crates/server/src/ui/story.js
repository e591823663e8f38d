// Story pages (#/story/ID) and the story list (#/stories): a story's articles in time order with
// copies marked, its sources, key entities and places, and its articles' quotes.
"use strict";

async function renderStory(id) {
  const s = await api("/api/stories/" + encodeURIComponent(id));
  document.title = s.title + " · chancery";
  const titles = Object.fromEntries(s.timeline.map((a) => [a.id, a.title || a.id]));
  const rows = s.timeline.map((a) => el("tr", { class: a.duplicate_of ? "copy" : null },
    el("td", { class: "date", text: a.date ? a.date + (a.date_inferred ? " ?" : "") : "undated",
      title: a.date_inferred ? "the story's date: the article states none" : null }),
    el("td", { text: a.source }),
    el("td", {}, el("a", { href: articleHref(a.id), class: "story-article", text: a.title || "(untitled)" }),
      a.duplicate_of ? el("span", { class: "copy-of" }, " copy of ",
        el("a", { href: articleHref(a.duplicate_of), text: titles[a.duplicate_of] || a.duplicate_of }),
        a.similarity ? ` (${Math.round(a.similarity * 100)}% alike)` : "") : null)));
  const named = (list, link) => el("ul", {}, list.map((n) => el("li", {},
    link ? el("a", { href: entityHref(n.name), class: "story-entity", text: n.name }) : n.name,
    " ", el("span", { class: "count", text: `(${n.count})` }))));
  view.replaceChildren(el("div", { class: "columns" },
    el("section", {},
      el("h1", { id: "story-title", text: s.title }),
      el("p", { class: "meta", text: [s.first_date === s.last_date ? s.first_date : `${s.first_date || "?"} – ${s.last_date || "?"}`,
        plural(s.articles, "article"), plural(s.independent_sources, "independent source")].filter(Boolean).join(" · ") }),
      el("h3", { text: "Timeline" }),
      el("table", { id: "story-timeline" }, el("tr", {}, el("th", { text: "date" }), el("th", { text: "source" }), el("th", { text: "article" })), rows),
      part(`Quotes (${s.total_quotes})`, { id: "story-quotes" }, s.quotes.length ? quoteList(s.quotes, null, true) : null)),
    el("aside", {},
      part("Sources", {}, named(s.sources, false)),
      part("Key entities", { id: "story-entities" }, s.key_entities.length ? named(s.key_entities, true) : null),
      part("Key places", {}, s.key_places.length ? named(s.key_places, true) : null))));
}

async function renderStories(params) {
  const offset = Math.max(0, parseInt(params.offset || "0", 10) || 0);
  const page = await api(`/api/stories?limit=20&offset=${offset}`);
  document.title = "Stories · chancery";
  view.replaceChildren(el("section", {}, el("h1", { text: "Stories" }),
    el("p", { class: "meta", text: plural(page.total, "story") }),
    page.stories.map((s) => el("div", { class: "hit" },
      el("h2", {}, el("a", { href: storyHref(s.id), class: "story-link", text: s.title })),
      el("div", { class: "meta", text: [s.first_date, plural(s.articles, "article"),
        s.sources.map((n) => n.name).join(", "), s.key_entities.slice(0, 5).map((n) => n.name).join(", ")]
        .filter(Boolean).join(" · ") }))),
    el("div", { class: "pager" },
      offset > 0 ? el("a", { href: `#/stories?offset=${Math.max(0, offset - 20)}`, text: "← previous" }) : null,
      offset + page.stories.length < page.total ? el("a", { href: `#/stories?offset=${offset + 20}`, text: "next →" }) : null)));
}
