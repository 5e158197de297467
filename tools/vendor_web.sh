#!/usr/bin/env bash
# Vendor the dashboard's front-end libraries: install the versions pinned in tools/web/package-lock.json from the
# npm registry (in a scratch folder, so the tree gets no node_modules) and copy their minified builds, the world
# map and the licences into src/eventwire/web/static/vendor. Run it after changing tools/web/package.json (then
# `npm install --package-lock-only` there) and update VENDORED.md's table if a version changed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/eventwire/web/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/web/package.json" "$here/web/package-lock.json" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --ignore-scripts --silent)
m="$work/node_modules"
mkdir -p "$out"
cp "$m/d3/dist/d3.min.js" "$out/d3.min.js"
cp "$m/@observablehq/plot/dist/plot.umd.min.js" "$out/plot.umd.min.js"
cp "$m/cytoscape/dist/cytoscape.min.js" "$out/cytoscape.min.js"
cp "$m/topojson-client/dist/topojson-client.min.js" "$out/topojson-client.min.js"
cp "$m/world-atlas/countries-110m.json" "$out/countries-110m.json"
for package in d3 @observablehq/plot cytoscape topojson-client world-atlas; do
    cp "$m/$package/LICENSE" "$out/$(basename "$package").LICENSE.txt"
done
(cd "$work" && node -e '
for (const p of ["d3", "@observablehq/plot", "cytoscape", "topojson-client", "world-atlas"]) {
  const j = require(`./node_modules/${p}/package.json`);
  console.log(`${j.name} ${j.version} ${j.license}`);
}')
