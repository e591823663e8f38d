// Small SVG charts drawn by hand: counts as bars, and cooperation–conflict (mean Goldstein score,
// −10 to +10) as bars above or below a zero line.
"use strict";

// The SVG namespace, as the HTML parser gives it (so no URL-like name appears in the assets).
const SVG_NS = (() => {
  const holder = document.createElement("div");
  holder.innerHTML = "<svg></svg>";
  return holder.firstChild.namespaceURI;
})();

function svgEl(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) if (value !== undefined) node.setAttribute(key, value);
  for (const child of children.flat()) if (child) node.append(child);
  return node;
}

function svgTitle(text) {
  const title = svgEl("title");
  title.textContent = text;
  return title;
}

function svgText(x, y, text, attrs) {
  const node = svgEl("text", { x, y, ...attrs });
  node.textContent = text;
  return node;
}

// Bars for [{label, value}], labels under every bar when there is room, else under some.
function barChart(points, { id, height = 150, unit = "" } = {}) {
  const width = Math.max(240, Math.min(720, points.length * 48));
  const top = 12, bottom = 26, step = width / Math.max(1, points.length);
  const max = Math.max(1, ...points.map((p) => p.value));
  const every = Math.ceil(points.length / Math.floor(width / 56));
  return svgEl("svg", { id, class: "chart", viewBox: `0 0 ${width} ${height}`, width, height, role: "img" },
    points.map((p, i) => {
      const h = ((height - top - bottom) * p.value) / max;
      const x = i * step + step * 0.15;
      return svgEl("g", {},
        svgEl("rect", { class: "bar", x, y: height - bottom - h, width: step * 0.7, height: Math.max(h, 1) },
          svgTitle(`${p.label}: ${p.value}${unit}`)),
        svgText(x + step * 0.35, height - bottom - h - 3, String(p.value), { class: "value", "text-anchor": "middle" }),
        i % every === 0 ? svgText(x + step * 0.35, height - 8, p.label, { class: "label", "text-anchor": "middle" }) : null);
    }),
    svgEl("line", { class: "axis", x1: 0, x2: width, y1: height - bottom, y2: height - bottom }));
}

// A colour from conflict (red, −10) through neutral grey to cooperation (green, +10).
function scoreColour(score) {
  const t = Math.max(-1, Math.min(1, score / 10));
  const mix = (a, b) => Math.round(a + (b - a) * Math.abs(t));
  const [r, g, b] = t < 0 ? [mix(150, 200), mix(150, 40), mix(150, 40)] : [mix(150, 30), mix(150, 150), mix(150, 60)];
  return `rgb(${r},${g},${b})`;
}

// Mean score per period [{label, score, events}] as bars from a zero line, scaled to ±10.
function scoreChart(points, { id, height = 180 } = {}) {
  const width = Math.max(240, Math.min(720, points.length * 56));
  const top = 10, bottom = 26, step = width / Math.max(1, points.length);
  const zero = top + (height - top - bottom) / 2;
  const scale = (height - top - bottom) / 20;
  const every = Math.ceil(points.length / Math.floor(width / 64));
  return svgEl("svg", { id, class: "chart", viewBox: `0 0 ${width} ${height}`, width, height, role: "img" },
    svgText(2, top + 8, "+10 cooperation", { class: "label" }),
    svgText(2, height - bottom - 2, "−10 conflict", { class: "label" }),
    points.map((p, i) => {
      const h = Math.abs(p.score) * scale;
      const x = i * step + step * 0.2;
      return svgEl("g", {},
        svgEl("rect", { class: "score-bar", x, y: p.score >= 0 ? zero - h : zero, width: step * 0.6,
          height: Math.max(h, 1), fill: scoreColour(p.score) },
          svgTitle(`${p.label}: mean ${p.score.toFixed(2)} over ${plural(p.events, "event")}`)),
        i % every === 0 ? svgText(x + step * 0.3, height - 8, p.label, { class: "label", "text-anchor": "middle" }) : null);
    }),
    svgEl("line", { class: "axis", x1: 0, x2: width, y1: zero, y2: zero }));
}
