import { describe, expect, it } from 'vitest';
import { classBreaks, classIndex } from './class-breaks';
import { colourFor, NO_DATA_COLOUR, paletteFor, textColourOn } from './colour-scale';

describe('classBreaks', () => {
  const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it('quantiles: five classes from min to max', () => {
    const breaks = classBreaks(values, 'quantile', 5);
    expect(breaks).toHaveLength(6);
    expect(breaks[0]).toBe(1);
    expect(breaks[5]).toBe(10);
    expect(breaks).toEqual([...breaks].sort((a, b) => a - b));
  });

  it('jenks: finds the natural gaps', () => {
    const clustered = [1, 1.1, 1.2, 5, 5.1, 5.2, 9, 9.1, 9.3, 20, 21, 40, 41];
    const breaks = classBreaks(clustered, 'jenks', 5);
    expect(breaks).toEqual([1, 1.2, 5.2, 9.3, 21, 41]);
  });

  it('ignores null, NaN and Infinity (no data is not zero)', () => {
    expect(classBreaks([null, 3, undefined, Number.NaN, 7, Infinity], 'quantile', 5)).toEqual([3, 5, 7]);
  });

  it('gives fewer classes when there are fewer distinct values, never a repeated bound', () => {
    expect(classBreaks([2, 2, 2, 8, 8], 'quantile', 5)).toEqual([2, 8]);
    expect(classBreaks([4, 4, 4], 'jenks', 5)).toEqual([4, 4]);
    const breaks = classBreaks([1, 1, 1, 1, 1, 1, 2, 3], 'quantile', 5);
    for (let i = 1; i < breaks.length; i += 1) expect(breaks[i]).toBeGreaterThan(breaks[i - 1] as number);
  });

  it('is empty without values', () => {
    expect(classBreaks([], 'jenks')).toEqual([]);
    expect(classBreaks([null, null], 'quantile')).toEqual([]);
  });
});

describe('classIndex', () => {
  const breaks = [0, 10, 20, 30];
  it('puts the minimum in the first class and a bound in the lower class', () => {
    expect(classIndex(0, breaks)).toBe(0);
    expect(classIndex(10, breaks)).toBe(0);
    expect(classIndex(10.5, breaks)).toBe(1);
    expect(classIndex(30, breaks)).toBe(2);
  });
  it('null for no value', () => {
    expect(classIndex(null, breaks)).toBeNull();
    expect(classIndex(5, [])).toBeNull();
  });
});

describe('colour scale', () => {
  it('uses a cool palette unless lower is better', () => {
    expect(paletteFor('neutral', 5)).toEqual(paletteFor('higher_is_better', 5));
    expect(paletteFor('lower_is_better', 5)).not.toEqual(paletteFor('neutral', 5));
  });
  it('keeps the ends of the palette for shorter scales', () => {
    const five = paletteFor('neutral', 5);
    const three = paletteFor('neutral', 3);
    expect(three).toEqual([five[0], five[2], five[4]]);
    expect(paletteFor('neutral', 1)).toHaveLength(1);
  });
  it('grey for no data', () => {
    expect(colourFor(null, paletteFor('neutral', 5))).toBe(NO_DATA_COLOUR);
    expect(colourFor(9, ['#000000'])).toBe('#000000');
  });
  it('picks readable text', () => {
    expect(textColourOn('#ffffcc')).toBe('#000000');
    expect(textColourOn('#253494')).toBe('#ffffff');
  });
});
