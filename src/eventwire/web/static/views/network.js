// Network: actors as nodes (sized by events, coloured by country or sector), dyads as directed edges (coloured by
// mean Goldstein score, width by events); a click on an edge lists its events, on a node opens its timeline.
import {api, clear, el, filterParams, message, route, section, showEvents} from "../lib.js";

export const title = "Network";
export const question = "Who acts on whom, how often, and how friendly or hostile?";
export const filtered = true;

const goldstein = d3.scaleDiverging([-10, 0, 10], (t) => d3.interpolateRdBu(t));

export async function render(main, params) {
  const filters = filterParams(params);
  const by = params.get("by") === "sector" ? "sector" : "country";
  const edges = Math.min(Number(params.get("edges")) || 150, 1000);
  const data = await api("network", {...filters, edges});
  const controls = el(
    "div",
    {class: "picker"},
    "colour nodes by ",
    ["country", "sector"].map((k) =>
      el("a", {href: route("network", {...Object.fromEntries(params), by: k}), class: k === by ? "active" : null}, k),
    ),
    " · strongest ",
    [50, 150, 500].map((n) =>
      el(
        "a",
        {href: route("network", {...Object.fromEntries(params), edges: n}), class: n === edges ? "active" : null},
        String(n),
      ),
    ),
    " edges",
  );
  if (!data.edges.length) {
    clear(main, controls, message("no dyads between coded actors with these filters"));
    return;
  }
  const groups = [...new Set(data.nodes.map((n) => n[by] ?? "none"))];
  const palette = d3.scaleOrdinal(groups, [...d3.schemeTableau10, ...d3.schemeSet3]);
  const box = el("div", {class: "network", id: "network"});
  const legend = el(
    "div",
    {class: "legend"},
    groups.slice(0, 20).map((g) => el("span", {class: "swatch-item"}, swatch(palette(g)), g)),
    el("span", {class: "swatch-item"}, "edges: ", el("span", {class: "ramp"}), " −10 … +10 Goldstein"),
  );
  clear(
    main,
    controls,
    section(
      `${data.nodes.length} actors, ${data.edges.length} dyads`,
      el(
        "p",
        {class: "hint"},
        "Click an edge to list its events, a node to open its timeline; drag to rearrange, scroll to zoom.",
      ),
      legend,
      box,
    ),
  );
  const maxNode = d3.max(data.nodes, (n) => n.events);
  const maxEdge = d3.max(data.edges, (e) => e.events);
  const cy = cytoscape({
    container: box,
    elements: [
      ...data.nodes.map((n) => ({
        data: {
          id: n.id,
          label: n.id,
          name: n.name,
          color: palette(n[by] ?? "none"),
          size: 14 + 46 * Math.sqrt(n.events / maxNode),
        },
      })),
      ...data.edges.map((e, i) => ({
        data: {
          id: `edge${i}`,
          source: e.source,
          target: e.target,
          events: e.events,
          goldstein: e.goldstein,
          color: goldstein(e.goldstein),
          width: 1 + 7 * Math.sqrt(e.events / maxEdge),
        },
      })),
    ],
    style: [
      {
        selector: "node",
        style: {
          "background-color": "data(color)",
          width: "data(size)",
          height: "data(size)",
          label: "data(label)",
          "font-size": 10,
          "font-family": "system-ui, sans-serif",
          color: "#222",
          "text-valign": "bottom",
          "text-margin-y": 3,
          "border-width": 1,
          "border-color": "#fff",
        },
      },
      {
        selector: "edge",
        style: {
          width: "data(width)",
          "line-color": "data(color)",
          "target-arrow-color": "data(color)",
          "target-arrow-shape": "triangle",
          "curve-style": "bezier",
          opacity: 0.85,
          "arrow-scale": 0.8,
        },
      },
      {
        selector: ":selected",
        style: {"border-color": "#000", "border-width": 2, "line-color": "#000", "target-arrow-color": "#000"},
      },
    ],
    layout: {
      name: "cose",
      animate: false,
      randomize: true,
      nodeRepulsion: () => 9000,
      idealEdgeLength: () => 80,
      padding: 20,
    },
  });
  cy.on("tap", "edge", (event) => {
    const e = event.target.data();
    showEvents(`${e.source} → ${e.target}: ${e.events} events, mean Goldstein ${e.goldstein}`, {
      ...filters,
      source_actor: e.source,
      target_actor: e.target,
      exact: true,
    });
  });
  cy.on("tap", "node", (event) => {
    location.hash = route("timeline", {...filters, a: event.target.id()});
  });
  main.networkGraph = cy; // for the tests: the graph drawn
}

function swatch(color) {
  const svg = d3.create("svg").attr("width", 10).attr("height", 10).attr("class", "swatch");
  svg.append("circle").attr("cx", 5).attr("cy", 5).attr("r", 5).attr("fill", color);
  return svg.node();
}
