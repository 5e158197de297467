// Dyad / actor timeline: one actor's events (or two actors' events with each other) per period, verbal and
// material cooperation and conflict, and the mean Goldstein score; a click on a period lists its events.
import {QUADS, QUAD_NAME, api, chart, clear, el, filterParams, message, route, section, showEvents} from "../lib.js";

export const title = "Timeline";
export const question = "How do two actors' relations move between cooperation and conflict over time?";
export const filtered = true;

const INTERVALS = ["day", "week", "month", "year"];
const FLOOR = {day: d3.utcDay, week: d3.utcMonday, month: d3.utcMonth, year: d3.utcYear};

export async function render(main, params) {
  const filters = filterParams(params);
  const a = await code(params.get("a"));
  const b = await code(params.get("b"));
  const interval = INTERVALS.includes(params.get("interval")) ? params.get("interval") : "month";
  const form = picker(params, a, b, interval);
  if (!a) {
    const top = await api("actors", {limit: 12});
    clear(
      main,
      form,
      section(
        "Pick an actor",
        el("p", {}, "Most active actors:"),
        el(
          "ul",
          {class: "chips"},
          top.items.map((r) =>
            el("li", {}, el("a", {href: route("timeline", {...filters, a: r.code})}, `${r.name} (${r.code})`)),
          ),
        ),
      ),
    );
    return;
  }
  // a dyad: A's events whose other side is B (the `actor` filter matches either side)
  const data = await api(`actors/${encodeURIComponent(a)}/timeline`, {...filters, ...(b ? {actor: b} : {}), interval});
  const who = `${data.name ? `${data.name} (${a})` : a}${b ? ` ↔ ${b}` : ""}`;
  if (!data.series.length) {
    clear(main, form, message(`no events for ${who} with these filters`));
    return;
  }
  const long = data.series.flatMap((r) =>
    QUADS.filter((q) => r.by_quad[q.quad]).map((q) => ({
      period: new Date(r.period),
      quad: q.quad,
      quadName: q.name,
      events: r.by_quad[q.quad] * (q.quad >= 3 ? -1 : 1),
    })),
  );
  const points = data.series.map((r) => ({...r, period: new Date(r.period)}));
  const open = (event) => {
    const i = event.target.__data__;
    const row =
      typeof i !== "number"
        ? null
        : event.target.closest(".periods")
          ? long[i]
          : event.target.closest(".scores")
            ? points[i]
            : null;
    if (!row) return;
    const [from, to] = span(row.period, interval);
    const within = {...filters, from, to};
    const asked = b
      ? [
          {...within, source_actor: a, target_actor: b},
          {...within, source_actor: b, target_actor: a},
        ]
      : [{...within, actor: a}];
    showEvents(`${who}, ${from}${from === to ? "" : ` to ${to}`}`, ...asked);
  };
  const floor = FLOOR[interval];
  const x = {
    type: "utc",
    label: null,
    domain: [floor.offset(points[0].period, -1), floor.offset(points.at(-1).period, 2)],
  };
  const middle = (r) => new Date((+r.period + +floor.offset(r.period, 1)) / 2);
  const bars = chart({
    height: 300,
    marginLeft: 60,
    marginRight: 30,
    x,
    y: {grid: true, label: "↑ cooperation · events · conflict ↓", tickFormat: Math.abs},
    color: {
      domain: QUADS.filter((q) => q.quad).map((q) => q.name),
      range: QUADS.filter((q) => q.quad).map((q) => q.color),
      legend: true,
    },
    marks: [
      Plot.rectY(long, {
        x: "period",
        y: "events",
        fill: "quadName",
        interval,
        className: "periods",
        title: (r) => `${QUAD_NAME[r.quad]}: ${Math.abs(r.events)}`,
      }),
      Plot.ruleY([0]),
    ],
  });
  const scores = chart({
    height: 200,
    marginLeft: 60,
    marginRight: 30,
    x,
    y: {domain: [-10, 10], grid: true, label: "mean Goldstein"},
    marks: [
      Plot.ruleY([0], {stroke: "#888"}),
      Plot.lineY(points, {x: middle, y: "goldstein", stroke: "#333"}),
      Plot.dot(points, {
        x: middle,
        y: "goldstein",
        r: (r) => Math.sqrt(r.events) * 2 + 2,
        fill: (r) => (r.goldstein >= 0 ? "#0868ac" : "#bd0026"),
        className: "scores",
        title: (r) => `${r.period.toISOString().slice(0, 10)}: ${r.events} events, mean ${r.goldstein}`,
      }),
    ],
  });
  bars.addEventListener("click", open);
  scores.addEventListener("click", open);
  clear(
    main,
    form,
    section(
      `${who}: events per ${interval}`,
      el("p", {class: "hint"}, "Click a bar or a point to list its events."),
      bars,
    ),
    section("Mean Goldstein score (−10 conflict … +10 cooperation)", scores),
  );
}

// the actor code for what was typed: a code as it is, else the most active actor whose name contains it
async function code(typed) {
  typed = (typed || "").trim();
  if (!typed || /^[A-Z0-9]{2,16}$/.test(typed)) return typed;
  const found = await api("actors", {q: typed, limit: 1});
  if (!found.items.length) throw new Error(`no actor named like ${JSON.stringify(typed)}`);
  return found.items[0].code;
}

function span(day, interval) {
  const floor = FLOOR[interval];
  const start = floor.floor(day);
  const end = d3.utcDay.offset(floor.offset(start, 1), -1);
  return [start, end].map((d) => d.toISOString().slice(0, 10));
}

function picker(params, a, b, interval) {
  const form = el(
    "form",
    {class: "picker", autocomplete: "off"},
    el("label", {}, "actor ", actorInput("a", a)),
    el("label", {}, "with ", actorInput("b", b, "optional second actor")),
    el(
      "label",
      {},
      "per ",
      el(
        "select",
        {name: "interval"},
        INTERVALS.map((i) => el("option", {value: i, selected: i === interval}, i)),
      ),
    ),
    el("button", {type: "submit"}, "show"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    for (const name of ["a", "b", "interval"]) {
      const value = form.elements[name].value.trim();
      if (value) next.set(name, value);
      else next.delete(name);
    }
    location.hash = route("timeline", Object.fromEntries(next));
  });
  return form;
}

// a search box with completion over actor names and codes (from /api/actors)
function actorInput(name, value, placeholder = "name or code") {
  const list = el("datalist", {id: `actors-${name}`});
  const input = el("input", {name, value, placeholder, list: list.id, size: 22});
  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const typed = input.value.trim();
      if (typed.length < 2) return;
      const answers = await Promise.all(
        [typed, typed.toUpperCase()].map((q) => api("actors", {q, limit: 10}).catch(() => ({items: []}))),
      );
      const seen = new Map();
      for (const answer of answers) for (const r of answer.items) seen.set(r.code, r.name);
      list.replaceChildren(...[...seen].map(([code, label]) => el("option", {value: code}, `${label} (${code})`)));
    }, 200);
  });
  return el("span", {}, input, list);
}
