// The dashboard's router: "#/view?params" picks one of the seven views; the filter bar writes the event filters
// into those parameters, so every view's address can be bookmarked and shared.
import {FILTERS, clear, closePanel, el, message, route} from "./lib.js";
import * as overview from "./views/overview.js";
import * as timeline from "./views/timeline.js";
import * as network from "./views/network.js";
import * as map from "./views/map.js";
import * as evidence from "./views/evidence.js";
import * as promises from "./views/promises.js";
import * as quotes from "./views/quotes.js";

const VIEWS = {overview, timeline, network, map, evidence, promises, quotes};

function current() {
  const [path, query = ""] = location.hash.replace(/^#\/?/, "").split("?");
  return {name: VIEWS[path] ? path : "overview", params: new URLSearchParams(query)};
}

async function show() {
  const {name, params} = current();
  const view = VIEWS[name];
  for (const link of document.querySelectorAll("#nav a")) link.classList.toggle("active", link.dataset.view === name);
  const form = document.getElementById("filters");
  form.hidden = !view.filtered;
  for (const field of FILTERS) form.elements[field].value = params.get(field) ?? "";
  const main = document.getElementById("view");
  main.dataset.view = name;
  main.dataset.state = "loading";
  clear(main, message("loading…"));
  closePanel();
  try {
    await view.render(main, params);
    main.dataset.state = "ready";
  } catch (error) {
    clear(main, message(error.message, "error"));
    main.dataset.state = "error";
  }
}

function navigation() {
  const nav = document.getElementById("nav");
  for (const [name, view] of Object.entries(VIEWS)) {
    nav.append(el("a", {href: route(name), "data-view": name, title: view.question}, view.title));
  }
  // switching views keeps the event filters
  nav.addEventListener("click", (event) => {
    const link = event.target.closest("a");
    if (!link) return;
    event.preventDefault();
    const kept = new URLSearchParams();
    const {params} = current();
    for (const field of FILTERS) if (params.get(field)) kept.set(field, params.get(field));
    location.hash = route(link.dataset.view, Object.fromEntries(kept));
  });
}

function filterBar() {
  const form = document.getElementById("filters");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const {name, params} = current();
    for (const field of FILTERS) {
      const value = form.elements[field].value.trim();
      if (value) params.set(field, value);
      else params.delete(field);
    }
    location.hash = route(name, Object.fromEntries(params));
  });
  form.elements.clear.addEventListener("click", () => {
    const {name, params} = current();
    for (const field of FILTERS) params.delete(field);
    location.hash = route(name, Object.fromEntries(params));
  });
}

navigation();
filterBar();
document.getElementById("panel-close").addEventListener("click", closePanel);
window.addEventListener("hashchange", show);
show();
