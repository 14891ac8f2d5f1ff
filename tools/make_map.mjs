#!/usr/bin/env node
// Derive the static outline of Germany used by the de:hub hub map.
//
//   node tools/make_map.mjs
//
// Input:  node_modules/world-atlas/countries-10m.json (world-atlas 2.0.2, Natural Earth
//         1:10m admin-0 countries, public domain), Germany = id "276".
// Output: theme/assets/map/germany.svg   the outline (one <path class="dehub-map-land">)
//         dehub/germany_map.json         projection parameters and viewBox for dehub/geo.py
//
// Projection (reproduced exactly by dehub/geo.py):
//   x = (lon - lon_min) * k * cos_ref_lat
//   y = (lat_max - lat) * k
//   rounded to 1 decimal as floor(v * 10 + 0.5) / 10 (half-up, identical in JS and Python).
// The output is deterministic: no timestamps, fixed parameters, stable ordering.

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const topojson = require("topojson-client");

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const ATLAS = join(ROOT, "node_modules", "world-atlas", "countries-10m.json");
const SVG_OUT = join(ROOT, "theme", "assets", "map", "germany.svg");
const JSON_OUT = join(ROOT, "dehub", "germany_map.json");

const COUNTRY_ID = "276"; // ISO 3166-1 numeric: Germany
const REF_LAT = 51; // degrees; x is scaled by cos(51°), roughly Germany's middle latitude
const K = 100; // SVG user units per degree of latitude
const PAD_DEG = 0.2; // margin around the bounding box, rounded outwards to 0.1°
const TOLERANCE = 0.6; // Douglas-Peucker tolerance in SVG user units (~0.7 km)
const MIN_AREA = 12; // drop islands smaller than this (SVG units², ~15 km²)

const round1 = (v) => Math.floor(v * 10 + 0.5) / 10;

function loadGermany() {
  const topology = JSON.parse(readFileSync(ATLAS, "utf8"));
  const geometry = topology.objects.countries.geometries.find((g) => g.id === COUNTRY_ID);
  if (!geometry) throw new Error(`country id ${COUNTRY_ID} not found in ${ATLAS}`);
  const feature = topojson.feature(topology, geometry);
  const g = feature.geometry;
  return g.type === "Polygon" ? [g.coordinates] : g.coordinates;
}

// Perpendicular distance of p from the segment a-b.
function segDist(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const ex = a[0] + t * dx - p[0];
  const ey = a[1] + t * dy - p[1];
  return Math.hypot(ex, ey);
}

// Iterative Douglas-Peucker on an open polyline; keeps both end points.
function simplifyLine(pts, tol) {
  if (pts.length < 3) return pts.slice();
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack = [[0, pts.length - 1]];
  while (stack.length) {
    const [s, e] = stack.pop();
    let maxD = -1;
    let idx = -1;
    for (let i = s + 1; i < e; i++) {
      const d = segDist(pts[i], pts[s], pts[e]);
      if (d > maxD) {
        maxD = d;
        idx = i;
      }
    }
    if (idx !== -1 && maxD > tol) {
      keep[idx] = 1;
      stack.push([s, idx], [idx, e]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}

// Simplify a closed ring: split at the vertex farthest from the first one.
function simplifyRing(ring, tol) {
  const open = ring.slice(0, -1); // GeoJSON rings repeat the first point
  let far = 0;
  let farD = -1;
  for (let i = 1; i < open.length; i++) {
    const d = Math.hypot(open[i][0] - open[0][0], open[i][1] - open[0][1]);
    if (d > farD) {
      farD = d;
      far = i;
    }
  }
  const a = simplifyLine(open.slice(0, far + 1), tol);
  const b = simplifyLine(open.slice(far).concat([open[0]]), tol);
  return a.concat(b.slice(1, -1));
}

function area(ring) {
  let s = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % n];
    s += x1 * y2 - x2 * y1;
  }
  return Math.abs(s) / 2;
}

function main() {
  const polygons = loadGermany();

  // Bounding box of the source data, padded and rounded outwards to 0.1°.
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const poly of polygons)
    for (const [lon, lat] of poly[0]) {
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
  const lonMin = Math.floor((minLon - PAD_DEG) * 10) / 10;
  const lonMax = Math.ceil((maxLon + PAD_DEG) * 10) / 10;
  const latMin = Math.floor((minLat - PAD_DEG) * 10) / 10;
  const latMax = Math.ceil((maxLat + PAD_DEG) * 10) / 10;
  const cosRef = Math.cos((REF_LAT * Math.PI) / 180);

  const projectRaw = ([lon, lat]) => [(lon - lonMin) * K * cosRef, (latMax - lat) * K];
  const width = Math.ceil((lonMax - lonMin) * K * cosRef);
  const height = Math.ceil((latMax - latMin) * K);
  const viewBox = `0 0 ${width} ${height}`;

  const rings = [];
  let dropped = 0;
  for (const poly of polygons) {
    const outer = poly[0].map(projectRaw);
    if (area(outer) < MIN_AREA) {
      dropped++;
      continue;
    }
    for (const ring of poly) {
      const projected = ring.map(projectRaw);
      if (ring !== poly[0] && area(projected) < MIN_AREA) continue; // tiny hole
      const simple = simplifyRing(projected, TOLERANCE).map(([x, y]) => [round1(x), round1(y)]);
      // Drop consecutive duplicates created by rounding.
      const clean = simple.filter((p, i, arr) => {
        const q = arr[(i + arr.length - 1) % arr.length];
        return i === 0 ? !(p[0] === arr[arr.length - 1][0] && p[1] === arr[arr.length - 1][1]) : !(p[0] === q[0] && p[1] === q[1]);
      });
      if (clean.length >= 3) rings.push(clean);
    }
  }
  // Largest ring (the mainland) first; stable order for the rest.
  rings.sort((a, b) => area(b) - area(a));

  const d = rings.map((r) => `M${r.map(([x, y]) => `${x},${y}`).join(" ")}Z`).join("");
  const points = rings.reduce((n, r) => n + r.length, 0);

  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<!-- Outline of Germany. Source: Natural Earth 1:10m admin-0 countries (public domain) via npm world-atlas 2.0.2 (countries-10m.json, id 276).\n` +
    `     Projection: equirectangular, x = (lon - ${lonMin}) * ${K} * cos(${REF_LAT}°), y = (${latMax} - lat) * ${K}; simplified (Douglas-Peucker ${TOLERANCE}), islands < ${MIN_AREA} units² dropped, 1 decimal.\n` +
    `     Generated by \`node tools/make_map.mjs\`; parameters in dehub/germany_map.json. Do not edit by hand. -->\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}">` +
    `<title>Germany</title>` +
    // The fill attribute is only a fallback (e.g. in an <img>); the class rule in dehub.css wins.
    `<path class="dehub-map-land" fill="#c8d3e6" fill-rule="evenodd" d="${d}"/>` +
    `</svg>\n`;

  const params = {
    source: "Natural Earth 1:10m admin-0 countries (public domain) via npm world-atlas 2.0.2, countries-10m.json, id 276",
    generator: "node tools/make_map.mjs",
    projection: "equirectangular: x = (lon - lon_min) * k * cos_ref_lat, y = (lat_max - lat) * k; round half up to 1 decimal",
    ref_lat: REF_LAT,
    cos_ref_lat: cosRef,
    lon_min: lonMin,
    lon_max: lonMax,
    lat_min: latMin,
    lat_max: latMax,
    k: K,
    width,
    height,
    viewbox: viewBox,
    svg: "theme/assets/map/germany.svg",
  };

  mkdirSync(dirname(SVG_OUT), { recursive: true });
  writeFileSync(SVG_OUT, svg);
  writeFileSync(JSON_OUT, JSON.stringify(params, null, 2) + "\n");
  process.stdout.write(
    `wrote ${SVG_OUT.slice(ROOT.length + 1)} (${Buffer.byteLength(svg)} bytes, ${rings.length} rings, ${points} points, ${dropped} islands dropped)\n` +
      `wrote ${JSON_OUT.slice(ROOT.length + 1)} (viewBox ${viewBox})\n`,
  );
}

main();
