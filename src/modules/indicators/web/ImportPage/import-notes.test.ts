import { describe, expect, it } from 'vitest';
import { importNotes } from './import-notes';

describe('the notes an import report gives on the import page', () => {
  it('one note per year of figures on earlier boundaries', () => {
    const report = { values: 3, olderBoundaries: { values: 3, areas: 2, byYear: [{ year: 2022, boundaryYear: 2020, areas: 2, values: 3 }], items: [], itemsNotListed: 0 } };
    expect(importNotes(report)).toEqual([{ key: 'olderBoundariesNote', values: { values: 3, year: 2022, boundaryYear: 2020, count: 2 } }]);
  });
  it('a crosswalk: its year and how many old areas went to how many new ones', () => {
    expect(importNotes({ year: 2022, links: 4, oldCodes: 3, newCodes: 3, endedCodes: [], continuingCodes: [] })).toEqual([{ key: 'crosswalkNote', values: { year: 2022, old: 3, new: 3 } }]);
  });
  it('nothing for an ordinary report or one of an unexpected shape', () => {
    expect(importNotes({ values: 10, suppressed: 0 })).toEqual([]);
    expect(importNotes({ olderBoundaries: { byYear: [{ year: '2022' }] } })).toEqual([]);
  });
});
