// Overview: what the store (or the filtered events) is about: events per period by QuadClass and by PLOVER type,
// the most active actors and dyads, the most quoted speakers.
import {
  QUADS,
  QUAD_NAME,
  api,
  chart,
  clear,
  el,
  filterParams,
  number,
  route,
  section,
  showEvents,
  table,
} from "../lib.js";

export const title = "Overview";
export const question = "What happened, when, and between whom?";
export const filtered = true;

export async function render(main, params) {
  const filters = filterParams(params);
  const interval = params.get("interval") || "month";
  const data = await api("overview", {...filters, interval});
  const types = [...new Set(data.series.map((r) => r.plover ?? "STATEMENT"))].sort();
  const datalist = document.getElementById("plover-types");
  if (!datalist.children.length)
    datalist.append(...types.filter((t) => t !== "STATEMENT").map((t) => el("option", {value: t})));
  const rows = data.series.map((r) => ({
    ...r,
    period: new Date(r.period),
    type: r.plover ?? "STATEMENT",
    quadName: QUAD_NAME[r.quad],
  }));
  clear(
    main,
    el(
      "div",
      {class: "kpis"},
      kpi("events", data.events),
      kpi("documents", data.documents),
      ...QUADS.filter((q) => q.quad).map((q) =>
        kpi(
          q.name,
          rows.filter((r) => r.quad === q.quad).reduce((n, r) => n + r.events, 0),
          `q${q.quad}`,
        ),
      ),
    ),
    el(
      "div",
      {class: "intervals"},
      "per ",
      ["week", "month", "year"].map((i) =>
        el("a", {href: route("overview", {...filters, interval: i}), class: i === interval ? "active" : null}, i),
      ),
    ),
    section(
      `Events per ${interval} by QuadClass`,
      rows.length ? quadChart(byQuad(rows), interval) : el("p", {}, "no events"),
    ),
    section("Event types over time", rows.length ? typeChart(rows, types, interval) : el("p", {}, "no events")),
    el(
      "div",
      {class: "columns"},
      section(
        "Top actors",
        table(
          [
            {
              label: "actor",
              value: (r) =>
                el("a", {href: route("timeline", {...filters, a: r.code})}, r.name ? `${r.name} (${r.code})` : r.code),
            },
            {label: "events", class: "num", value: (r) => number(r.events)},
          ],
          data.actors,
        ),
      ),
      section(
        "Top dyads",
        table(
          [
            {
              label: "source → target",
              value: (r) =>
                el("a", {href: "#", onclick: (e) => dyadEvents(e, r, filters)}, `${r.source_code} → ${r.target_code}`),
            },
            {label: "events", class: "num", value: (r) => number(r.events)},
            {label: "Goldstein", class: "num", value: (r) => r.goldstein.toFixed(1)},
          ],
          data.dyads,
        ),
      ),
      section(
        "Most quoted speakers",
        table(
          [
            {
              label: "speaker",
              value: (r) =>
                el(
                  "a",
                  {href: route("quotes", {speaker: r.code || r.speaker})},
                  r.code ? `${r.speaker} (${r.code})` : r.speaker,
                ),
            },
            {label: "quotes", class: "num", value: (r) => number(r.quotes)},
          ],
          data.speakers,
        ),
      ),
    ),
  );
}

function kpi(label, value, kind = "") {
  return el(
    "div",
    {class: `kpi ${kind}`},
    el("div", {class: "value"}, number(value)),
    el("div", {class: "label"}, label),
  );
}

function dyadEvents(event, dyad, filters) {
  event.preventDefault();
  showEvents(`${dyad.source_code} → ${dyad.target_code}`, {
    ...filters,
    source_actor: dyad.source_code,
    target_actor: dyad.target_code,
    exact: true,
  });
}

function quadChart(rows, interval) {
  return chart({
    height: 260,
    marginLeft: 40,
    x: {type: "utc", label: null},
    y: {grid: true, label: "events"},
    color: {domain: present(rows).map((q) => q.name), range: present(rows).map((q) => q.color), legend: true},
    marks: [
      Plot.rectY(rows, {
        x: "period",
        y: "events",
        fill: "quadName",
        interval,
        title: (r) => `${r.quadName}: ${r.events}`,
      }),
      Plot.ruleY([0]),
    ],
  });
}

// the rows (period, type, quad) summed over the types
function byQuad(rows) {
  return d3
    .rollups(
      rows,
      (v) => d3.sum(v, (r) => r.events),
      (r) => +r.period,
      (r) => r.quad,
    )
    .flatMap(([period, quads]) =>
      quads.map(([quad, events]) => ({period: new Date(period), quad, quadName: QUAD_NAME[quad], events})),
    );
}

// the QuadClasses the rows have (0, neutral, only under the penta convention)
function present(rows) {
  return QUADS.filter((q) => rows.some((r) => r.quad === q.quad));
}

function typeChart(rows, types, interval) {
  return chart({
    height: Math.max(160, 24 * types.length + 50),
    marginLeft: 110,
    x: {type: "utc", label: null, grid: true},
    y: {domain: types, label: null, grid: true},
    r: {range: [2, 14]},
    color: {domain: QUADS.map((q) => q.name), range: QUADS.map((q) => q.color)},
    marks: [
      Plot.dot(rows, {
        x: "period",
        y: "type",
        r: "events",
        fill: "quadName",
        fillOpacity: 0.8,
        title: (r) => `${r.type}, ${r.period.toISOString().slice(0, interval === "year" ? 4 : 7)}: ${r.events}`,
      }),
    ],
  });
}
