// What every view shares: building elements (values always go in as text, never as HTML), calling the API, the
// QuadClass colours, the filter bar's parameters and the side panel that lists events.

export const QUADS = [
  {quad: 1, name: "verbal cooperation", color: "#74a9cf"},
  {quad: 2, name: "material cooperation", color: "#0868ac"},
  {quad: 3, name: "verbal conflict", color: "#fd8d3c"},
  {quad: 4, name: "material conflict", color: "#bd0026"},
  {quad: 0, name: "neutral", color: "#969696"},
];
export const QUAD_NAME = Object.fromEntries(QUADS.map((q) => [q.quad, q.name]));
export const QUAD_COLOR = Object.fromEntries(QUADS.map((q) => [q.quad, q.color]));
export const FILTERS = ["from", "to", "actor", "country", "type", "text"];

// el("a", {href: "#/x", class: "y"}, "text", child): attributes by setAttribute, children as text nodes or elements
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  node.append(
    ...children
      .flat()
      .filter((c) => c !== null && c !== undefined && c !== false)
      .map((c) => (c instanceof Node ? c : document.createTextNode(String(c)))),
  );
  return node;
}

export function clear(node, ...children) {
  node.replaceChildren(...children);
  return node;
}

// a link within the dashboard: "#/view?name=value..."
export function route(view, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null)).toString();
  return `#/${view}${query ? `?${query}` : ""}`;
}

export function evidenceLink(docId, eventId, label = "evidence") {
  return el("a", {href: route("evidence", {doc: docId, event: eventId}), class: "evidence-link"}, label);
}

// only http(s) addresses become links: a stored url could be "javascript:..."
export function outsideLink(url, label) {
  return /^https?:\/\//i.test(url || "")
    ? el("a", {href: url, rel: "noopener noreferrer", target: "_blank"}, label)
    : null;
}

export class ApiError extends Error {}

export async function api(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null)).toString();
  const answer = await fetch(`/api/${path}${query ? `?${query}` : ""}`, {headers: {Accept: "application/json"}});
  const body = await answer.json().catch(() => ({}));
  if (!answer.ok) throw new ApiError(body.detail || `${answer.status} ${answer.statusText}`);
  return body;
}

// the event filters of the page's parameters, as the API takes them
export function filterParams(params) {
  const kept = {};
  for (const name of FILTERS) if (params.get(name)) kept[name] = params.get(name);
  if (kept.type) kept.type = kept.type.toUpperCase();
  if (kept.country) kept.country = kept.country.toUpperCase();
  return kept;
}

export function actorLabel(side) {
  if (!side || (!side.code && !side.name)) return "—";
  return side.name && side.code ? `${side.name} (${side.code})` : side.name || side.code;
}

export function number(n) {
  return (n ?? 0).toLocaleString("en");
}

export function quadBadge(quad) {
  return el("span", {class: `quad q${quad}`, title: QUAD_NAME[quad]}, QUAD_NAME[quad] ?? String(quad));
}

export function section(title, ...children) {
  return el("section", {class: "card"}, el("h2", {}, title), ...children);
}

export function table(columns, rows) {
  return el(
    "table",
    {class: "grid"},
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        columns.map((c) => el("th", {class: c.class}, c.label)),
      ),
    ),
    el(
      "tbody",
      {},
      rows.map((row) =>
        el(
          "tr",
          {},
          columns.map((c) => el("td", {class: c.class}, c.value(row))),
        ),
      ),
    ),
  );
}

// a Plot chart without the <style> element Plot adds (the page's CSP allows no inline style; app.css has its rules)
export function chart(options) {
  const width = Math.max(600, document.getElementById("view").clientWidth - 70);
  const figure = Plot.plot({className: "plot", width, ...options});
  figure.querySelectorAll("style").forEach((s) => s.remove());
  return figure;
}

export function message(text, kind = "note") {
  return el("p", {class: kind}, text);
}

// the side panel: the events of one or more /api/events queries (merged, in date order), each with its evidence
// link; a query with `exact` keeps only the events of exactly its source_actor and target_actor codes
export async function showEvents(title, ...queries) {
  const panel = document.getElementById("panel");
  const body = document.getElementById("panel-body");
  document.getElementById("panel-title").textContent = title;
  panel.hidden = false;
  clear(body, message("loading…"));
  try {
    const pages = await Promise.all(
      queries.map(async ({exact, ...params}) => {
        const page = await api("events", {...params, limit: 1000});
        if (!exact) return page;
        // the API takes a code as a prefix (RUS: RUSGOV too); an edge of the network is one code to one code
        const items = page.items.filter(
          (e) => e.source.code === params.source_actor && e.target.code === params.target_actor,
        );
        return {total: items.length, items};
      }),
    );
    const total = pages.reduce((n, page) => n + page.total, 0);
    const items = pages.flatMap((page) => page.items).sort((x, y) => String(x.date).localeCompare(String(y.date)));
    clear(
      body,
      message(`${number(total)} events${total > items.length ? `, first ${items.length}` : ""}`),
      eventList(items),
    );
  } catch (error) {
    clear(body, message(error.message, "error"));
  }
}

export function eventList(items) {
  return el(
    "ol",
    {class: "events"},
    items.map((e) =>
      el(
        "li",
        {},
        el(
          "div",
          {class: "event-head"},
          el("span", {class: "date"}, e.date ?? "—"),
          " ",
          el("b", {}, actorLabel(e.source)),
          " → ",
          el("b", {}, actorLabel(e.target)),
          " ",
          el("span", {class: `type q${e.quad}`}, e.plover ?? "STATEMENT"),
          " ",
          el("span", {class: "code"}, e.cameo),
          e.modality !== "asserted" ? el("span", {class: "modality"}, e.modality) : null,
          e.negated ? el("span", {class: "modality"}, "negated") : null,
        ),
        el("div", {class: "sentence"}, e.evidence),
        el(
          "div",
          {class: "event-foot"},
          e.document?.title ?? e.doc_id,
          " · ",
          evidenceLink(e.doc_id, e.id, "open evidence →"),
        ),
      ),
    ),
  );
}

export function closePanel() {
  document.getElementById("panel").hidden = true;
}
