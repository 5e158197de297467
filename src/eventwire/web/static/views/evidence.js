// Evidence: a document's text with the spans of its records marked (actors, triggers, the phrases filling the
// roles, quotes with their speakers and cues, dates, places); an event's sentence is picked out with the
// explanation `eventwire code --explain` prints: the lexicon pattern, the parse path, where the date came from.
import {actorLabel, api, clear, el, filterParams, message, outsideLink, route, section} from "../lib.js";

export const title = "Evidence";
export const question = "Which words of which article is this event coded from, and why?";
export const filtered = false;

const KINDS = [
  ["actor", "actor"],
  ["trigger", "trigger"],
  ["source", "source phrase"],
  ["target", "target phrase"],
  ["quote", "quote"],
  ["speaker", "speaker"],
  ["cue", "quote cue"],
  ["timex", "date"],
  ["place", "place"],
];

export async function render(main, params) {
  const docId = params.get("doc");
  if (!docId) return chooser(main, params);
  const data = await api(`documents/${encodeURIComponent(docId)}`);
  const eventId = params.get("event") || data.events[0]?.id;
  const chosen = data.events.find((e) => e.id === eventId);
  const actors = new Map(data.actors.map((a) => [a.id, a]));
  const text = data.document.text;
  const details = el("div", {class: "span-details"}, message("Click a marked span to see its record."));
  const body = marked(text, data.spans, chosen, (spans) => clear(details, describe(spans, data, actors, text)));
  const doc = data.document;
  clear(
    main,
    el(
      "div",
      {class: "evidence"},
      el(
        "div",
        {class: "document"},
        el("h1", {}, doc.title || doc.id),
        el(
          "p",
          {class: "meta"},
          [doc.date, doc.source, doc.id].filter(Boolean).join(" · "),
          " ",
          outsideLink(doc.url, "original ↗"),
        ),
        legend(),
        body,
      ),
      el(
        "div",
        {class: "explain"},
        chosen
          ? section(`Event ${chosen.id}`, explanation(chosen, actors, text))
          : section("Events", message("no events coded in this document")),
        section("What the span is", details),
        section(`All events of the document (${data.events.length})`, eventTable(data, actors, eventId)),
      ),
    ),
  );
  body.querySelector(".chosen")?.scrollIntoView({block: "center"});
}

async function chooser(main, params) {
  const page = await api("events", {...filterParams(params), limit: 50});
  const input = el("input", {name: "doc", placeholder: "document id", size: 30});
  const form = el(
    "form",
    {class: "picker"},
    el("label", {}, "document ", input),
    el("button", {type: "submit"}, "open"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (input.value.trim()) location.hash = route("evidence", {doc: input.value.trim()});
  });
  clear(
    main,
    form,
    section(
      "Or pick an event",
      el(
        "ol",
        {class: "events"},
        page.items.map((e) =>
          el(
            "li",
            {},
            el(
              "a",
              {href: route("evidence", {doc: e.doc_id, event: e.id})},
              `${e.date ?? "—"} ${actorLabel(e.source)} → ${actorLabel(e.target)} ${e.plover ?? "STATEMENT"}`,
            ),
            el("div", {class: "sentence"}, e.evidence),
          ),
        ),
      ),
    ),
  );
}

function legend() {
  return el(
    "div",
    {class: "legend"},
    KINDS.map(([kind, label]) => el("span", {class: `swatch-item`}, el("span", {class: `mark k-${kind}`}, label))),
  );
}

// the text cut at every span boundary, each piece wrapped in the kinds of the spans covering it; the chosen
// event's sentence is one element around its pieces
function marked(text, spans, chosen, onPick) {
  const shown = spans.filter((s) => s.kind !== "sentence" && s.kind !== "evidence" && s.end > s.start);
  const cuts = new Set([0, text.length]);
  for (const s of shown) cuts.add(s.start).add(s.end);
  const first = chosen ? chosen.sentence[0] : -1;
  const last = chosen ? first + text.slice(first, chosen.sentence[1]).trimEnd().length : -1;
  cuts.add(first).add(last);
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((x, y) => x - y);
  const body = el("div", {class: "text"});
  const sentence = el("span", {class: "chosen"});
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = shown.filter((s) => s.start <= start && s.end >= end);
    const into = start >= first && end <= last ? sentence : body;
    if (into === sentence && !sentence.parentNode) body.append(sentence);
    const piece = text.slice(start, end);
    if (!covering.length) {
      into.append(piece);
      continue;
    }
    const classes = [...new Set(covering.map((s) => `k-${s.kind}`))];
    if (covering.some((s) => chosen && s.record === chosen.id && ["trigger", "source", "target"].includes(s.kind)))
      classes.push("role");
    const span = el("span", {class: classes.join(" ")}, piece);
    span.addEventListener("click", () => onPick(covering));
    into.append(span);
  }
  return body;
}

function describe(spans, data, actors, text) {
  return el(
    "ul",
    {class: "plain"},
    spans.map((s) => {
      const words = text.slice(s.start, s.end);
      if (s.kind === "actor") {
        const a = actors.get(s.record);
        return el(
          "li",
          {},
          el("b", {}, "actor "),
          `${a.name} (${a.code ?? "no code"}; ${a.type}${a.title ? `, ${a.title}` : ""})`,
        );
      }
      if (["trigger", "source", "target"].includes(s.kind)) {
        return el(
          "li",
          {},
          el("b", {}, `${s.kind} of `),
          el("a", {href: route("evidence", {doc: data.document.id, event: s.record})}, `event ${s.record}`),
          ` (${s.label ?? "—"}): “${words}”`,
        );
      }
      if (["quote", "speaker", "cue"].includes(s.kind)) {
        const q = data.quotes.find((r) => r.id === s.record);
        const who = actors.get(q.speaker)?.name ?? q.speaker_text ?? "unknown speaker";
        return el("li", {}, el("b", {}, `${s.kind} `), `${who} → “${q.text}” (${q.direct ? "direct" : "reported"})`);
      }
      if (s.kind === "timex") return el("li", {}, el("b", {}, "date "), `“${words}” = ${s.label}`);
      if (s.kind === "place") {
        const p = data.places.find((r) => r.start === s.start && r.end === s.end);
        return el(
          "li",
          {},
          el("b", {}, "place "),
          `${p?.name ?? words}${s.label ? ` (${s.label})` : ""}${p?.lat != null ? ` at ${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}` : ""}`,
        );
      }
      return el("li", {}, `${s.kind}: “${words}”`);
    }),
  );
}

// what `eventwire code --explain` prints for an event
function explanation(e, actors, text) {
  const who = (ids) =>
    ids
      .map((i) => actors.get(i))
      .map((a) => `${a.name} (${a.code ?? "—"})`)
      .join(" + ") || "—";
  const rows = [
    ["event", `${e.cameo} ${e.plover ?? "STATEMENT"}${e.mode ? ` (${e.mode})` : ""}`],
    ["source", who(e.source)],
    ["target", who(e.target)],
    ["how reported", `${e.modality}${e.negated ? ", negated" : ""}, confidence ${e.confidence}`],
    ["QuadClass · Goldstein", `${e.quad} · ${e.goldstein}`],
    ["sentence", text.slice(e.sentence[0], e.sentence[1])],
    ["trigger", `“${text.slice(e.trigger[0], e.trigger[1])}” at ${e.trigger[0]}-${e.trigger[1]}`],
    ["pattern", e.pattern ?? "—"],
    ["parse", e.path ?? "—"],
    e.source_span ? ["source span", `“${text.slice(...e.source_span)}”`] : null,
    e.target_span ? ["target span", `“${text.slice(...e.target_span)}”`] : null,
    ["date", `${e.date ?? "—"} (${e.date_source})${e.deadline ? `, deadline ${e.deadline}` : ""}`],
    e.reported_by ? ["reported by", actors.get(e.reported_by)?.name ?? e.reported_by] : null,
    e.evidence.length > 1 ? ["also reported in", `${e.evidence.length - 1} more sentence(s)`] : null,
  ].filter(Boolean);
  return el(
    "dl",
    {class: "explanation"},
    rows.flatMap(([term, value]) => [el("dt", {}, term), el("dd", {}, value)]),
  );
}

function eventTable(data, actors, eventId) {
  const code = (ids) => ids.map((i) => actors.get(i)?.code ?? actors.get(i)?.name).join("+") || "—";
  return el(
    "ol",
    {class: "events compact"},
    data.events.map((e) =>
      el(
        "li",
        {class: e.id === eventId ? "current" : null},
        el(
          "a",
          {href: route("evidence", {doc: data.document.id, event: e.id})},
          `${e.id} ${code(e.source)} → ${code(e.target)} ${e.plover ?? "STATEMENT"} (${e.cameo})`,
        ),
      ),
    ),
  );
}
