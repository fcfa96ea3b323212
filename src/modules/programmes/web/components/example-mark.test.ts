import { describe, expect, it } from 'vitest';
import { needsExampleBadge } from './example-mark';

describe('needsExampleBadge', () => {
  it('marks an example whose name does not say so', () => {
    expect(needsExampleBadge({ name: 'Wielwijk groeit naar 7.000 inwoners', isExample: true })).toBe(true);
  });

  it('leaves the badge off when the name already starts with Voorbeeld or Example', () => {
    expect(needsExampleBadge({ name: 'Voorbeeld: Wielwijk groeit naar 7.000 inwoners', isExample: true })).toBe(false);
    expect(needsExampleBadge({ name: 'voorbeeld – aandeel eenpersoonshuishoudens', isExample: true })).toBe(false);
    expect(needsExampleBadge({ name: 'Example: Wielwijk grows', isExample: true })).toBe(false);
  });

  it('never marks a goal that is not an example, and reads "Voorbeeldwijk" as a name, not a mark', () => {
    expect(needsExampleBadge({ name: 'Voorbeeld: echt doel', isExample: false })).toBe(false);
    expect(needsExampleBadge({ name: 'Voorbeeldwijk groeit', isExample: true })).toBe(true);
  });
});
