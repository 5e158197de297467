// Promises: the commitments with a deadline as they stand on a chosen day: open, due within a week, or past due,
// with who promised what to whom and the sentence that says so.
import {api, chart, clear, el, message, number, route, section, table} from "../lib.js";

export const title = "Promises";
export const question = "Who promised what to whom by when, and which promises are due or past due on a given day?";
export const filtered = false;

const STATES = [
  ["past due", "#bd0026"],
  ["due", "#f08c00"],
  ["open", "#0868ac"],
];

export async function render(main, params) {
  const asOf = params.get("as_of") || new Date().toISOString().slice(0, 10);
  const actor = params.get("actor") || "";
  const data = await api("commitments", {as_of: asOf, actor, limit: 1000});
  const form = el(
    "form",
    {class: "picker", autocomplete: "off"},
    el("label", {}, "as of ", el("input", {name: "as_of", type: "date", value: asOf})),
    el(
      "label",
      {},
      "promised by ",
      el("input", {name: "actor", value: actor, placeholder: "actor code (USA, RUSGOV)", size: 18}),
    ),
    el("button", {type: "submit"}, "show"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = route("promises", {as_of: form.elements.as_of.value, actor: form.elements.actor.value.trim()});
  });
  const rows = data.items.map((r) => ({
    ...r,
    day: new Date(
      r.deadline.length === 4 ? `${r.deadline}-12-31` : r.deadline.length === 7 ? `${r.deadline}-28` : r.deadline,
    ),
  }));
  const counts = Object.fromEntries(STATES.map(([s]) => [s, rows.filter((r) => r.state === s).length]));
  clear(
    main,
    form,
    el(
      "div",
      {class: "kpis"},
      STATES.map(([s]) =>
        el(
          "div",
          {class: `kpi state-${s.replace(" ", "-")}`},
          el("div", {class: "value"}, number(counts[s])),
          el("div", {class: "label"}, s),
        ),
      ),
    ),
    rows.length
      ? section(`Deadlines around ${asOf}`, deadlines(rows, asOf))
      : message(`no promises with a deadline published by ${asOf}`),
    rows.length
      ? section(
          "Commitments",
          table(
            [
              {label: "deadline", value: (r) => r.deadline},
              {label: "state", value: (r) => el("span", {class: `state state-${r.state.replace(" ", "-")}`}, r.state)},
              {
                label: "who",
                value: (r) => (r.source_name ? `${r.source_name} (${r.source ?? "—"})` : (r.source ?? "—")),
              },
              {label: "promised", value: (r) => `${r.plover ?? "STATEMENT"} (${r.cameo})`},
              {label: "to whom", value: (r) => r.target ?? "—"},
              {
                label: "what was said",
                class: "wide",
                value: (r) =>
                  el(
                    "div",
                    {},
                    el("q", {}, r.evidence),
                    " ",
                    el("a", {href: route("evidence", {doc: r.doc})}, "document →"),
                  ),
              },
            ],
            rows,
          ),
        )
      : null,
  );
}

function deadlines(rows, asOf) {
  return chart({
    height: Math.max(140, 26 * new Set(rows.map((r) => r.source ?? "—")).size + 60),
    marginLeft: 90,
    x: {type: "utc", label: "deadline", grid: true},
    y: {label: null},
    color: {domain: STATES.map(([s]) => s), range: STATES.map(([, c]) => c), legend: true},
    marks: [
      Plot.ruleX([new Date(asOf)], {stroke: "#222", strokeDasharray: "4,3"}),
      Plot.text([new Date(asOf)], {x: (d) => d, frameAnchor: "top", text: () => `as of ${asOf}`, dy: -2, fill: "#222"}),
      Plot.dot(rows, {
        x: "day",
        y: (r) => r.source ?? "—",
        fill: "state",
        r: 6,
        title: (r) => `${r.deadline} ${r.source_name ?? ""}: ${r.evidence}`,
      }),
    ],
  });
}
