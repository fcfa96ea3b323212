import { describe, expect, it } from 'vitest';
import { matchOptions } from './match-options';

const options = [
  { value: 'BU05050100', label: 'Oud-Krispijn', group: 'Buurten', keywords: 'BU05050100 Krispijn' },
  { value: 'WK050501', label: 'Binnenstad', group: 'Wijken' },
  { value: 'g1', label: 'Voorbeeld: Wielwijk groeit naar 7.000 inwoners', group: 'Doelen' },
  { value: 'a1', label: 'Renovatie en verduurzaming portiekflats Wielwijk', group: 'Activiteiten' },
  { value: 'x', label: 'Crèche Zuid', group: 'Buurten' },
];

describe('matching options in the search-and-pick control', () => {
  it('lists everything, in order, for an empty query', () => {
    expect(matchOptions(options, '  ').items.map((o) => o.value)).toEqual(['BU05050100', 'WK050501', 'g1', 'a1', 'x']);
  });
  it('needs every typed word to start a word of the label or keywords, in any order, any case', () => {
    expect(matchOptions(options, 'wielw').items.map((o) => o.value)).toEqual(['g1', 'a1']);
    expect(matchOptions(options, 'WIELWIJK port').items.map((o) => o.value)).toEqual(['a1']);
    expect(matchOptions(options, 'krisp').items.map((o) => o.value)).toEqual(['BU05050100']);
    expect(matchOptions(options, 'bu0505').items.map((o) => o.value)).toEqual(['BU05050100']);
    expect(matchOptions(options, 'ielwijk').items).toEqual([]);
  });
  it('ignores accents both ways', () => {
    expect(matchOptions(options, 'creche').items.map((o) => o.value)).toEqual(['x']);
    expect(matchOptions(options, 'crèche').items.map((o) => o.value)).toEqual(['x']);
  });
  it('shows at most the limit but counts all matches', () => {
    expect(matchOptions(options, '', 2)).toEqual({ items: options.slice(0, 2), total: 5 });
  });
});
