// What every view of chancery's web UI shares: building DOM nodes (text always set as text),
// reading the server's own /api, links between views, and text with marked spans.
"use strict";

const view = document.getElementById("view");

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
    if (child === null || child === undefined || child === false) continue;
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

function escapeText(text) {
  const span = document.createElement("span");
  span.textContent = text;
  return span.innerHTML;
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function meta(item) {
  return [item.source, item.published, item.language].filter(Boolean).join(" · ");
}

// --- links between views ---
function searchHash(params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  return "#/search?" + query.toString();
}
const articleHref = (id) => "#/article/" + encodeURIComponent(id);
const entityHref = (name) => "#/entity/" + encodeURIComponent(name);
const storyHref = (id) => "#/story/" + encodeURIComponent(id);
const pairHref = (a, b) => `#/relations/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;

// A titled part of a page; nothing when it would be empty.
function part(title, attrs, ...children) {
  if (children.flat().filter(Boolean).length === 0) return null;
  return el("section", attrs, el("h3", { text: title }), ...children);
}

// One quote: the words, who said them (linked to their entity page) to whom, and where.
function quoteItem(q, showArticle) {
  const party = (p) => p.entity
    ? el("a", { href: entityHref(p.entity), class: "speaker", text: p.entity })
    : el("span", { class: "speaker", text: p.text });
  return el("li", { class: "quote" },
    el("blockquote", { text: q.text }),
    el("div", { class: "meta" },
      q.speaker ? party(q.speaker) : "(unattributed)",
      q.cue ? ` ${q.cue}` : "",
      q.addressee ? [" ", party(q.addressee)] : [],
      ` · ${q.kind}`,
      q.date ? ` · ${q.date}` : "",
      showArticle ? [" · ", el("a", { href: articleHref(q.article), text: "article" })] : []));
}

function quoteList(quotes, id, showArticle) {
  return el("ul", { class: "quotes", id }, quotes.map((q) => quoteItem(q, showArticle)));
}

// --- text with marked spans ---

// Byte offsets (UTF-8) into a block's text turned into DOM nodes: `outer` ranges (quotes) wrap
// the `marks` (entities, dates, amounts) that lie inside them.
function highlighted(text, marks, outer = []) {
  const bytes = new TextEncoder().encode(text);
  const decode = (a, b) => new TextDecoder().decode(bytes.slice(a, b));
  const valid = (list) => list.filter((m) => m.start < m.end && m.end <= bytes.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const inner = valid(marks);
  const render = (from, to) => {
    const nodes = [];
    let at = from;
    for (const mark of inner) {
      if (mark.start < at || mark.end > to) continue; // overlapping: the earlier, longer mark wins
      if (mark.start >= to) break;
      if (mark.start > at) nodes.push(decode(at, mark.start));
      const attrs = { class: mark.class, title: mark.title };
      const inside = decode(mark.start, mark.end);
      nodes.push(mark.href ? el("a", { href: mark.href }, el("mark", attrs, inside)) : el("mark", attrs, inside));
      at = mark.end;
    }
    if (at < to) nodes.push(decode(at, to));
    return nodes;
  };
  const nodes = [];
  let at = 0;
  for (const range of valid(outer)) {
    if (range.start < at) continue;
    nodes.push(...render(at, range.start));
    nodes.push(el("q", { class: range.class, title: range.title }, render(range.start, range.end)));
    at = range.end;
  }
  nodes.push(...render(at, bytes.length));
  return nodes;
}
