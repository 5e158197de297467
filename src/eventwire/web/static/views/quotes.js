// Quotes: who said what about whom, by speaker and by the actors the statement mentions.
import {api, chart, clear, el, message, number, route, section} from "../lib.js";

export const title = "Quotes";
export const question = "Who said what, and about whom?";
export const filtered = false;

const FIELDS = ["speaker", "about", "from", "to"];
const PAGE = 50;

export async function render(main, params) {
  const asked = Object.fromEntries(FIELDS.map((f) => [f, params.get(f) || ""]));
  const data = await api("quotes", {...asked, limit: 1000});
  const first = Math.max(0, Number(params.get("start")) || 0);
  const form = el(
    "form",
    {class: "picker", autocomplete: "off"},
    el(
      "label",
      {},
      "speaker ",
      el("input", {name: "speaker", value: asked.speaker, placeholder: "name or code", size: 16}),
    ),
    el(
      "label",
      {},
      "about ",
      el("input", {name: "about", value: asked.about, placeholder: "actor mentioned", size: 16}),
    ),
    el("label", {}, "from ", el("input", {name: "from", type: "date", value: asked.from})),
    el("label", {}, "to ", el("input", {name: "to", type: "date", value: asked.to})),
    el("button", {type: "submit"}, "show"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = route("quotes", Object.fromEntries(FIELDS.map((f) => [f, form.elements[f].value.trim()])));
  });
  if (!data.items.length) {
    clear(main, form, message("no quotes with these choices"));
    return;
  }
  const speakers = d3
    .rollups(
      data.items,
      (v) => v.length,
      (q) => (q.code ? `${q.speaker ?? "?"} (${q.code})` : (q.speaker ?? "(no speaker)")),
    )
    .sort((x, y) => y[1] - x[1])
    .slice(0, 15)
    .map(([speaker, quotes]) => ({speaker, quotes}));
  clear(
    main,
    form,
    section(
      `Speakers of the ${number(data.total)} quotes`,
      chart({
        height: 24 * speakers.length + 40,
        marginLeft: 220,
        x: {grid: true, label: "quotes"},
        y: {label: null, domain: speakers.map((s) => s.speaker)},
        marks: [Plot.barX(speakers, {x: "quotes", y: "speaker", fill: "#0868ac"}), Plot.ruleX([0])],
      }),
    ),
    section(
      `Statements ${first + 1}–${Math.min(first + PAGE, data.items.length)} of ${number(data.items.length)}`,
      pager(asked, first, data.items.length),
      el(
        "ol",
        {class: "quotes"},
        data.items
          .slice(first, first + PAGE)
          .map((q) =>
            el(
              "li",
              {},
              el(
                "div",
                {class: "quote-head"},
                el("b", {}, q.speaker ?? "(no speaker)"),
                q.code ? ` (${q.code})` : "",
                " · ",
                q.date ?? "—",
                q.direct ? "" : el("span", {class: "modality"}, "reported"),
              ),
              el("blockquote", {}, q.text.replace(/\s+/g, " ")),
              el("a", {href: route("evidence", {doc: q.doc}), class: "evidence-link"}, `${q.doc} →`),
            ),
          ),
      ),
      pager(asked, first, data.items.length),
    ),
  );
}

function pager(asked, first, total) {
  const at = (start) => route("quotes", {...asked, start});
  return el(
    "div",
    {class: "pager"},
    first > 0 ? el("a", {href: at(Math.max(0, first - PAGE))}, "← earlier") : null,
    first + PAGE < total ? el("a", {href: at(first + PAGE)}, "later →") : null,
  );
}
