import { describe, expect, it } from 'vitest';
import { svgToString, type SvgNode } from './chart.js';
import type { MapSpec } from './contract.js';
import { areaMap, classLabel, mapAlt, mapClasses, MAP_CLASS_COLORS, MAP_NO_VALUE_COLOR, MAP_WIDTH, projectRings } from './map.js';

/** A square of 0.1° by 0.1° with its south-west corner at (lon, lat). */
const square = (lon: number, lat: number): [number, number][] => [
  [lon, lat],
  [lon + 0.1, lat],
  [lon + 0.1, lat + 0.1],
  [lon, lat + 0.1],
  [lon, lat],
];

/** Five buurten in a row from 4.0° to 4.5° east, 52.0° to 52.1° north, and one without a figure. */
const spec: MapSpec = {
  level: 'buurt',
  areaName: 'Proefwijk',
  indicator: 'share_one_person_households',
  indicatorName: 'Percentage eenpersoonshuishoudens',
  unit: '%',
  decimals: 0,
  year: 2020,
  boundaryYear: 2020,
  areas: [
    { code: 'BU1', name: 'Aa', value: 10, rings: [square(4.0, 52.0)] },
    { code: 'BU2', name: 'Bb', value: 20, rings: [square(4.1, 52.0)] },
    { code: 'BU3', name: 'Cc', value: 30, rings: [square(4.2, 52.0)] },
    { code: 'BU4', name: 'Dd', value: 50, rings: [square(4.3, 52.0)] },
    { code: 'BU5', name: 'Ee', value: 40, rings: [square(4.4, 52.0)] },
    { code: 'BU6', name: 'Ff', value: null, rings: [] },
  ],
};

const texts = (node: SvgNode): string[] => (node.children ?? []).flatMap((c) => (typeof c === 'string' ? (node.tag === 'text' ? [c] : []) : texts(c)));
const paths = (node: SvgNode): SvgNode[] => (node.tag === 'path' ? [node] : (node.children ?? []).flatMap((c) => (typeof c === 'string' ? [] : paths(c))));
const coords = (d: string) => [...d.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);

describe('the area map (one definition for the page, the DOCX and the PDF)', () => {
  it('makes up to four classes of about equal counts, labelled by their lowest and highest value', () => {
    // 5 values, 4 classes: bounds at the sorted values at positions ⌊5·1/4⌋ = 1, ⌊5·2/4⌋ = 2, ⌊5·3/4⌋ = 3: 20, 30, 40.
    const classes = mapClasses([10, 20, 30, 50, 40, null]);
    expect(classes.map((c) => [c.min, c.max, c.count])).toEqual([
      [10, 10, 1],
      [20, 20, 1],
      [30, 30, 1],
      [40, 50, 2],
    ]);
    expect(classes.map((c) => classLabel(spec, c))).toEqual(['10 %', '20 %', '30 %', '40 – 50 %']);
    expect(classes.map((c) => c.color)).toEqual([...MAP_CLASS_COLORS]);
    // 8 values: bounds at positions 2, 4, 6.
    expect(mapClasses([8, 7, 6, 5, 4, 3, 2, 1]).map((c) => [c.min, c.max])).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ]);
    // Few distinct values give few classes; a bound on the lowest value moves up, so no class is empty.
    expect(mapClasses([1, 1, 1, 2]).map((c) => [c.min, c.max, c.count])).toEqual([
      [1, 1, 3],
      [2, 2, 1],
    ]);
    expect(mapClasses([5, 5, 5]).map((c) => [c.min, c.max, c.count])).toEqual([[5, 5, 3]]);
    expect(mapClasses([null])).toEqual([]);
  });

  it('keeps the aspect of the area: longitude shortened by the cosine of the middle latitude', () => {
    const { width, height, project } = projectRings(spec.areas, 624, 440);
    // 0.5° of longitude × cos(52.05°) = 0.30748 against 0.1° of latitude: 3.0748 times as wide as high.
    expect(width / height).toBeCloseTo((0.5 * Math.cos((52.05 * Math.PI) / 180)) / 0.1, 6);
    expect(width).toBeCloseTo(624, 6);
    expect(project([4.0, 52.1])).toEqual([0, 0]);
    // The drawn map: the path coordinates span the same proportions.
    const drawn = paths(areaMap(spec, 'alt')).flatMap((p) => coords(String(p.attrs.d)));
    const xs = drawn.map((p) => p[0]);
    const ys = drawn.map((p) => p[1]);
    expect((Math.max(...xs) - Math.min(...xs)) / (Math.max(...ys) - Math.min(...ys))).toBeCloseTo(3.0748, 1);
  });

  it('colours each area by its class, names every class in the legend with its count, and says its source', () => {
    const tree = areaMap(spec, 'de alt-tekst');
    expect(tree.attrs).toMatchObject({ role: 'img', width: MAP_WIDTH });
    expect(tree.children?.[0]).toEqual({ tag: 'title', attrs: {}, children: ['de alt-tekst'] });
    expect(paths(tree).map((p) => p.attrs.fill)).toEqual([MAP_CLASS_COLORS[0], MAP_CLASS_COLORS[1], MAP_CLASS_COLORS[2], MAP_CLASS_COLORS[3], MAP_CLASS_COLORS[3]]);
    expect(texts(tree)).toEqual([
      'Percentage eenpersoonshuishoudens',
      'per buurt, 2020',
      '10 % (1 buurt)',
      '20 % (1 buurt)',
      '30 % (1 buurt)',
      '40 – 50 % (2 buurten)',
      'geen cijfer (1 buurt)',
      'Bron: CBS, Kadaster (grenzen 2020)',
    ]);
    expect(svgToString(tree)).toContain(`fill="${MAP_NO_VALUE_COLOR}"`);
    // Its height follows the area: a wide row of buurten leaves the legend below the map.
    expect(Number(tree.attrs.height)).toBeLessThan(440);
  });

  it('says in words and figures what the map shows: highest, lowest, the classes, what has no figure', () => {
    expect(mapAlt(spec)).toBe(
      'Kaart van Proefwijk: Percentage eenpersoonshuishoudens per buurt, 2020, 6 buurten; hoogste 50 % in Dd; laagste 10 % in Aa; ' +
        'klassen 10 % (1), 20 % (1), 30 % (1), 40 – 50 % (2); zonder cijfer 1. Bron: CBS, Kadaster.',
    );
  });
});
