// Relations between countries (#/relations): a world map with a line between every pair of
// countries that acted on each other, coloured by their mean cooperation–conflict score, and the
// list of pairs; one pair (#/relations/A/B): its score over time, its events by PLOVER type and
// the events themselves. The map's shapes are world-atlas's, drawn with d3-geo; both are served
// with the UI (see vendor/README.md).
"use strict";

const countryName = (code) => (COUNTRIES[code] && COUNTRIES[code][1]) || code;

let worldShapes = null;
async function world() {
  if (!worldShapes) {
    const response = await fetch("/assets/vendor/countries-110m.json");
    const topology = await response.json();
    worldShapes = topojson.feature(topology, topology.objects.countries).features;
  }
  return worldShapes;
}

// Directed pairs folded into one entry per pair of countries, most events first.
function undirected(pairs) {
  const byKey = new Map();
  for (const p of pairs) {
    const [a, b] = [p.source, p.target].sort();
    const entry = byKey.get(a + "/" + b) || { a, b, events: 0, total: 0, counts: {} };
    entry.events += p.events;
    entry.total += p.score * p.events;
    for (const [type, n] of Object.entries(p.counts)) entry.counts[type] = (entry.counts[type] || 0) + n;
    byKey.set(a + "/" + b, entry);
  }
  return [...byKey.values()].map((e) => ({ ...e, score: e.events ? e.total / e.events : 0 }))
    .sort((x, y) => y.events - x.events || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}

function worldMap(shapes, pairs) {
  const width = 960, height = 480;
  const projection = d3.geoNaturalEarth1().fitSize([width, height], { type: "FeatureCollection", features: shapes });
  const path = d3.geoPath(projection);
  const shapeOf = new Map(shapes.filter((f) => f.id).map((f) => [f.id, f]));
  const feature = (code) => COUNTRIES[code] && shapeOf.get(COUNTRIES[code][0]);
  const involved = new Map();
  for (const p of pairs) for (const code of [p.a, p.b]) {
    const seen = involved.get(code) || { events: 0, total: 0 };
    involved.set(code, { events: seen.events + p.events, total: seen.total + p.score * p.events });
  }
  const numericToCode = new Map(Object.entries(COUNTRIES).map(([code, [numeric]]) => [numeric, code]));
  const countries = shapes.map((f) => {
    const code = numericToCode.get(f.id);
    const acts = code && involved.get(code);
    return svgEl("path", { d: path(f), class: acts ? "country involved" : "country",
      fill: acts ? scoreColour(acts.total / acts.events) : null },
      svgTitle(acts ? `${countryName(code)}: ${plural(acts.events, "event")}, mean ${(acts.total / acts.events).toFixed(2)}`
        : (f.properties && f.properties.name) || ""));
  });
  const lines = pairs.map((p) => {
    const [fa, fb] = [feature(p.a), feature(p.b)];
    if (!fa || !fb) return null;
    const [x1, y1] = projection(d3.geoCentroid(fa));
    const [x2, y2] = projection(d3.geoCentroid(fb));
    // A gentle arc, so that lines between the same countries in both directions stay apart.
    const [mx, my] = [(x1 + x2) / 2 - (y2 - y1) * 0.15, (y1 + y2) / 2 + (x2 - x1) * 0.15];
    const line = svgEl("path", { d: `M${x1},${y1} Q${mx},${my} ${x2},${y2}`, class: "pair-line",
      "data-pair": `${p.a}/${p.b}`, stroke: scoreColour(p.score), "stroke-width": 1.5 + Math.log2(1 + p.events) },
      svgTitle(`${countryName(p.a)} – ${countryName(p.b)}: ${plural(p.events, "event")}, mean ${p.score.toFixed(2)}`));
    line.addEventListener("click", () => { location.hash = pairHref(p.a, p.b); });
    return line;
  });
  return svgEl("svg", { id: "world-map", class: "map", viewBox: `0 0 ${width} ${height}`, role: "img" },
    svgEl("g", {}, countries), svgEl("g", {}, lines));
}

function scoreCell(score) {
  return el("td", {}, el("span", { class: "score", style: `background:${scoreColour(score)}`, text: score.toFixed(2) }));
}

function countsText(counts) {
  return Object.entries(counts).sort((x, y) => y[1] - x[1]).map(([t, n]) => `${t} ${n}`).join(", ");
}

async function renderRelations() {
  const [relations, shapes] = await Promise.all([api("/api/relations"), world()]);
  document.title = "Relations · chancery";
  const pairs = undirected(relations.pairs);
  view.replaceChildren(el("section", {},
    el("h1", { text: "Relations between countries" }),
    el("p", { class: "meta", text: `${plural(pairs.length, "pair")} of countries; lines and countries coloured from conflict (red) to cooperation (green) by the mean Goldstein score of their events. Click a line or a pair.` }),
    worldMap(shapes, pairs),
    el("table", { id: "pairs" },
      el("tr", {}, el("th", { text: "pair" }), el("th", { text: "events" }), el("th", { text: "mean score" }), el("th", { text: "by type" })),
      pairs.map((p) => el("tr", {},
        el("td", {}, el("a", { href: pairHref(p.a, p.b), class: "pair-link", text: `${countryName(p.a)} – ${countryName(p.b)}` })),
        el("td", { text: String(p.events) }), scoreCell(p.score), el("td", { class: "meta", text: countsText(p.counts) }))))));
}

async function renderPair(a, b, params) {
  const bucket = ["day", "week", "month"].includes(params.bucket) ? params.bucket : "month";
  const [pair, events] = await Promise.all([
    api(`/api/relations/${encodeURIComponent(a)}/${encodeURIComponent(b)}?bucket=${bucket}`),
    api(`/api/events?actor=${encodeURIComponent(a)}&limit=100`)]);
  const title = `${countryName(pair.a)} – ${countryName(pair.b)}`;
  document.title = title + " · chancery";
  const sides = (e) => [e.source, e.target].map((s) => (s && s.countries) || []);
  const between = events.events.filter((e) => {
    const [from, to] = sides(e);
    return (from.includes(pair.a) && to.includes(pair.b)) || (from.includes(pair.b) && to.includes(pair.a));
  });
  const timeline = pair.timeline.map((t) => ({ label: t.period, score: t.score, events: t.events }));
  const types = Object.entries(pair.counts).sort((x, y) => y[1] - x[1]).map(([label, value]) => ({ label, value }));
  view.replaceChildren(el("section", {},
    el("p", {}, el("a", { href: "#/relations", text: "← all relations" })),
    el("h1", { id: "pair-title", text: title }),
    el("p", { class: "meta", text: `${plural(pair.events, "event")} · mean Goldstein score ${pair.score.toFixed(2)} (−10 conflict, +10 cooperation)` }),
    el("p", { class: "buckets" }, "by ", ["day", "week", "month"].map((b2) =>
      b2 === bucket ? el("b", { text: b2 + " " }) : el("a", { href: `${pairHref(a, b)}?bucket=${b2}`, text: b2 + " " }))),
    part("Cooperation – conflict over time", { id: "pair-timeline" }, timeline.length ? scoreChart(timeline, { id: "pair-chart" }) : null),
    part("Events by PLOVER type", { id: "pair-types" }, types.length ? barChart(types, { id: "types-chart" }) : null),
    part("Each way", {}, pair.directions.length ? el("table", { id: "pair-directions" }, pair.directions.map((d) => el("tr", {},
      el("td", { text: `${countryName(d.source)} → ${countryName(d.target)}` }), el("td", { text: String(d.events) }),
      scoreCell(d.score), el("td", { class: "meta", text: countsText(d.counts) })))) : null),
    part("Events", { id: "pair-events" }, between.length ? el("ul", {}, between.map((e) => el("li", {},
      el("b", { text: e.type }), ` ${e.source ? e.source.name : "?"} — ${e.action} → ${e.target ? e.target.name : "?"}`,
      e.day ? ` · ${e.day}` : "", e.modality !== "asserted" ? ` [${e.modality}]` : "",
      el("div", { class: "meta" }, el("span", { text: e.evidence + " " }), el("a", { href: articleHref(e.article), text: "article" }))))) : null),
    pair.events === 0 ? el("p", { class: "meta", text: "No events between these two." }) : null));
}
