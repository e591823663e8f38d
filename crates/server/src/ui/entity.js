// Entity pages (#/entity/NAME) and the entity list (#/entities): roles over time, mentions by
// month as a chart, the entity's quotes, the entities named beside it and the articles naming it.
"use strict";

async function renderEntity(name) {
  const e = await api("/api/entities/" + encodeURIComponent(name));
  document.title = e.name + " · chancery";
  const counted = (title, values) => part(title, {},
    values.length ? el("ul", {}, values.map((v) => el("li", {}, `${v.value} `,
      el("span", { class: "count", text: `(${v.articles})` })))) : null);
  const roles = (e.role_spans || []).map((r) => el("tr", {},
    el("td", { text: r.role }),
    el("td", { text: r.first && r.last && r.first !== r.last ? `${r.first} – ${r.last}` : (r.first || "undated") }),
    el("td", { class: "count", text: plural(r.articles, "article") })));
  const months = (e.mentions_by_month || []).map((m) => ({ label: m.month, value: m.mentions }));
  const place = e.place ? `${e.place.name}, ${e.place.country} (${e.place.lat}, ${e.place.lon})` : null;
  view.replaceChildren(el("div", { class: "columns" },
    el("section", {},
      el("h1", { id: "entity-name", text: e.name }),
      el("p", { class: "meta", text: [e.type, e.mentions !== undefined ? plural(e.mentions, "mention") : null, place]
        .filter(Boolean).join(" · ") }),
      part("Roles over time", { id: "entity-roles" }, roles.length ? el("table", {}, roles) : null),
      part("Mentions by month", { id: "entity-mentions" }, months.length ? barChart(months, { id: "mentions-chart" }) : null),
      part(`Quotes (${e.total_quotes || 0})`, { id: "entity-quotes" },
        (e.quotes || []).length ? quoteList(e.quotes, null, true) : null),
      el("h3", { text: `Articles naming it (${e.total_articles})` }),
      e.articles.map((a) => el("div", { class: "hit" },
        el("h2", {}, el("a", { href: articleHref(a.id), text: a.title || "(untitled)" })),
        el("div", { class: "meta", text: `${meta(a)} · ${plural(a.mentions, "mention")}${a.roles.length ? " · " + a.roles.join(", ") : ""}` })))),
    el("aside", {},
      part("Named with", { id: "co-occurring" }, (e.co_occurring || []).length ? el("ul", {}, e.co_occurring.map((c) =>
        el("li", {}, el("a", { href: entityHref(c.name), text: c.name }), ` ${c.type} `,
          el("span", { class: "count", text: `(${c.articles})` })))) : null),
      counted("Also named", e.aliases), counted("Affiliations", e.affiliations),
      counted("Countries", e.countries))));
}

async function renderEntities() {
  const result = await api("/api/entities");
  view.replaceChildren(el("section", {}, el("h1", { text: "Entities" }),
    result.entities.length === 0 ? el("p", { class: "meta", text: "No entities stored yet." }) :
      el("ul", {}, result.entities.map((e) => el("li", {},
        el("a", { href: entityHref(e.name), text: e.name }),
        ` ${e.type} `, el("span", { class: "count", text: `(${e.articles})` }))))));
}
