import { CBS_MAP_ATTRIBUTES, PDOK_ATTRIBUTES } from './attribute-maps.js';
import { readFeatureCollection, requirePositionsWithinCap, usableGeometry, type PositionCaps } from './geojson.js';
import {
  BadRows,
  fallbackName,
  isCbsSpecialValue,
  levelOf,
  municipalityOf,
  normaliseAreaCode,
  parentOf,
  type AreaRecord,
  type ParsedImport,
} from './import-model.js';
import { propertyTextProblems } from './text-checks.js';
import { ValueColumnsBuilder } from './value-columns.js';
import type { AreaLevel } from '../../../areas/contract.js';

/** Property names that carry the area's code and name, most specific level first, per naming scheme. */
const CODE_NAME_PAIRS: [string, string][] = [
  ['bu_code', 'bu_naam'],
  ['buurtcode', 'buurtnaam'],
  ['wk_code', 'wk_naam'],
  ['wijkcode', 'wijknaam'],
  ['gm_code', 'gm_naam'],
  ['gemeentecode', 'gemeentenaam'],
];

const lowerKeys = (properties: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(properties).map(([k, v]) => [k.toLowerCase(), v]));

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

interface Identity {
  code: string;
  name: string | null;
  level: AreaLevel;
  parentCode: string | null;
}

function identify(p: Record<string, unknown>): Identity | string {
  if (p.code !== undefined) {
    const code = normaliseAreaCode(text(p.code));
    if (!code) return `"${text(p.code)}" is not a CBS area code`;
    const level = text(p.level) || levelOf(code);
    // levelOf gives the level the code's prefix means (one of AREA_LEVELS); the contract's zod is not loaded
    // here, in the parse worker.
    if (level !== levelOf(code)) return `level "${level.slice(0, 40)}" does not fit code ${code}`;
    const parent = text(p.parentcode) ? normaliseAreaCode(text(p.parentcode)) : parentOf(code);
    if (text(p.parentcode) && !parent) return `parentCode "${text(p.parentcode)}" is not a CBS area code`;
    return { code, name: text(p.name) || null, level: level as AreaLevel, parentCode: parent };
  }
  for (const [codeKey, nameKey] of CODE_NAME_PAIRS) {
    const raw = text(p[codeKey]);
    if (!raw) continue;
    const code = normaliseAreaCode(raw);
    if (!code) return `${codeKey} "${raw}" is not a CBS area code`;
    return { code, name: text(p[nameKey]) || null, level: levelOf(code), parentCode: parentOf(code) };
  }
  return 'no area code: give code/name/level/parentCode, or gm_code/wk_code/bu_code, or gemeentecode/wijkcode/buurtcode';
}

/**
 * areas-geojson (boundaries only) and pdok-geojson (boundaries plus every attribute that maps onto the
 * catalogue). The year comes from the features' `jaar` when they carry it, else from the caller.
 */
export function parseAreasGeoJson(input: string, options: { year: number | undefined; withValues: boolean; knownCodes: ReadonlySet<string>; caps: PositionCaps }): ParsedImport {
  const { features, crs } = readFeatureCollection(input, options.caps);
  const positions = requirePositionsWithinCap(features, options.caps.perFile);
  const bad = new BadRows();
  const areas: AreaRecord[] = [];
  const values = new ValueColumnsBuilder();
  const repaired: string[] = [];
  const unmapped = new Set<string>();
  let specialValues = 0;
  const seen = new Set<string>();
  for (const feature of features) {
    const at = `feature ${feature.index + 1}`;
    const textProblems = propertyTextProblems(feature.properties);
    if (textProblems.length) {
      for (const [property, problem] of textProblems) bad.add(`${at}, property ${property}`, problem, 'invalid_characters');
      continue;
    }
    if ((positions[feature.index] ?? 0) > options.caps.perFeature) {
      bad.add(`${at}, geometry`, `${positions[feature.index]} positions; a feature may have at most ${options.caps.perFeature} (simplify the boundary)`, 'too_many_positions', { maximum: options.caps.perFeature });
      continue;
    }
    const p = lowerKeys(feature.properties);
    const identity = identify(p);
    if (typeof identity === 'string') {
      bad.add(at, identity, identity.startsWith('no area code') ? 'required' : 'invalid_area_code');
      continue;
    }
    const jaar = Number(p.jaar);
    const year = Number.isInteger(jaar) && jaar >= 1990 && jaar <= 2100 ? jaar : options.year;
    if (year === undefined) {
      bad.add(`${at}, property jaar`, 'the feature has no year (jaar) and none was given', 'required');
      continue;
    }
    const geometry = usableGeometry(feature.geometry, crs);
    if (typeof geometry === 'string') {
      bad.add(`${at} (${identity.code}), geometry`, geometry, 'invalid_geometry');
      continue;
    }
    if (seen.has(`${identity.code}|${year}`)) {
      bad.add(at, `${identity.code} occurs twice for ${year}`, 'duplicate_row');
      continue;
    }
    seen.add(`${identity.code}|${year}`);
    if (geometry.repaired) repaired.push(identity.code);
    const municipalityName = text(p.gm_naam) || text(p.gemeentenaam) || null;
    areas.push({
      code: identity.code,
      level: identity.level,
      year,
      name: identity.name ?? fallbackName(identity.code, municipalityName),
      nameIsFallback: identity.name === null,
      parentCode: identity.parentCode,
      municipalityCode: municipalityOf(identity.code),
      geometry: geometry.geometry,
      bbox: geometry.bbox,
    });
    if (!options.withValues) continue;
    for (const [key, raw] of Object.entries(p)) {
      const indicator = CBS_MAP_ATTRIBUTES[key] ?? PDOK_ATTRIBUTES[key];
      if (!indicator || !options.knownCodes.has(indicator)) {
        if (typeof raw === 'number') unmapped.add(key);
        continue;
      }
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw === null || raw === '' ? null : NaN;
      if (Number.isNaN(n)) {
        bad.add(`${at} (${identity.code}), property ${key}`, `"${String(raw)}" is not a number`, 'not_a_number');
        continue;
      }
      if (n !== null && isCbsSpecialValue(n)) specialValues += 1;
      values.add(indicator, identity.code, year, n === null || isCbsSpecialValue(n) ? null : n);
    }
  }
  bad.throwIfAny();
  return {
    areas,
    values: values.build(),
    report: {
      crs,
      features: features.length,
      areas: areas.length,
      values: values.length,
      repairedGeometries: repaired,
      ...(options.withValues ? { cbsSpecialValuesAsNull: specialValues, unmappedAttributes: [...unmapped].sort() } : {}),
    },
  };
}
