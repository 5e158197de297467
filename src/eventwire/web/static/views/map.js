// Map: where the events happened, on country outlines drawn from the vendored world map (no tiles: it works
// offline); a circle per place, sized by events and coloured by the QuadClass most of them have; the places the
// documents only name are small rings. A click on a place lists its events.
import {
  QUADS,
  QUAD_COLOR,
  QUAD_NAME,
  api,
  clear,
  el,
  evidenceLink,
  filterParams,
  message,
  number,
  section,
} from "../lib.js";

export const title = "Map";
export const question = "Where did it happen, and was it cooperation or conflict there?";
export const filtered = true;

let world; // the TopoJSON, read once

export async function render(main, params) {
  const filters = filterParams(params);
  const [data, atlas] = await Promise.all([api("places", {...filters, listed: 50}), countries()]);
  const width = 1000;
  const height = 520;
  const projection = d3.geoNaturalEarth1().fitExtent(
    [
      [4, 4],
      [width - 4, height - 4],
    ],
    {type: "Sphere"},
  );
  const path = d3.geoPath(projection);
  const svg = d3.create("svg").attr("viewBox", `0 0 ${width} ${height}`).attr("class", "map").attr("role", "img");
  svg
    .append("path")
    .attr("d", path({type: "Sphere"}))
    .attr("class", "sphere");
  svg.append("path").attr("d", path(d3.geoGraticule10())).attr("class", "graticule");
  svg
    .append("g")
    .selectAll("path")
    .data(atlas.features)
    .join("path")
    .attr("class", "country")
    .attr("d", path)
    .append("title")
    .text((f) => f.properties.name);
  const located = data.items.filter((p) => projection([p.lon, p.lat]));
  const named = located.filter((p) => !p.events);
  const happened = located.filter((p) => p.events).sort((x, y) => y.events - x.events);
  const radius = d3.scaleSqrt([0, d3.max(happened, (p) => p.events) || 1], [0, 26]);
  svg
    .append("g")
    .selectAll("circle")
    .data(named)
    .join("circle")
    .attr("class", "named")
    .attr("transform", (p) => `translate(${projection([p.lon, p.lat])})`)
    .attr("r", 2.5)
    .append("title")
    .text((p) => `${p.name}: named ${p.mentions} times, no event placed there`);
  const details = el("div", {class: "place-details"}, message("Click a circle to list the events placed there."));
  svg
    .append("g")
    .selectAll("circle")
    .data(happened)
    .join("circle")
    .attr("class", "place")
    .attr("transform", (p) => `translate(${projection([p.lon, p.lat])})`)
    .attr("r", (p) => Math.max(4, radius(p.events)))
    .attr("fill", (p) => QUAD_COLOR[dominant(p)])
    .on("click", (event, p) => clear(details, placeEvents(p)))
    .append("title")
    .text((p) => `${p.name}: ${p.events} events, mean Goldstein ${p.goldstein}`);
  const legend = el(
    "div",
    {class: "legend"},
    QUADS.filter((q) => q.quad).map((q) =>
      el("span", {class: "swatch-item"}, el("span", {class: `dot q${q.quad}`}), q.name),
    ),
    el("span", {class: "swatch-item"}, el("span", {class: "dot ring"}), "named only"),
  );
  clear(
    main,
    section(
      `${number(data.events - data.unplaced)} of ${number(data.events)} events placed, at ${happened.length} places`,
      legend,
      svg.node(),
    ),
    section("Events at the place", details),
  );
}

async function countries() {
  world ??= await fetch("/static/vendor/countries-110m.json").then((r) => r.json());
  return topojson.feature(world, world.objects.countries);
}

function dominant(place) {
  return [1, 2, 3, 4, 0].reduce((best, q) => (place.by_quad[q] > place.by_quad[best] ? q : best), 1);
}

function placeEvents(place) {
  return el(
    "div",
    {},
    el("h3", {}, `${place.name}${place.country ? ` (${place.country})` : ""}`),
    el(
      "p",
      {},
      `${place.events} events (${[1, 2, 3, 4]
        .filter((q) => place.by_quad[q])
        .map((q) => `${place.by_quad[q]} ${QUAD_NAME[q]}`)
        .join(", ")}); named ${place.mentions} times`,
    ),
    el(
      "ol",
      {class: "events compact"},
      place.listed.map((e) =>
        el(
          "li",
          {},
          el("span", {class: "date"}, e.day ?? "—"),
          " ",
          e.source ?? "—",
          " → ",
          e.target ?? "—",
          " ",
          el("span", {class: `type q${e.quad}`}, e.plover ?? "STATEMENT"),
          " ",
          evidenceLink(e.doc_id, e.id),
        ),
      ),
    ),
    place.events > place.listed.length ? message(`and ${place.events - place.listed.length} more`) : null,
  );
}
