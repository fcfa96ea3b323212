import type { InitiativeStatus } from './contract.js';

/**
 * The workflow (docs/initiatives.md): ingediend → ontvankelijk → beoordeeld → toegekend | afgewezen →
 * uitgevoerd → verantwoord, with niet ontvankelijk as an end right after submission. Shared by server (which
 * refuses anything else with 422) and web (which shows only the allowed buttons).
 */
export const TRANSITIONS: Record<InitiativeStatus, readonly InitiativeStatus[]> = {
  ingediend: ['ontvankelijk', 'niet_ontvankelijk'],
  ontvankelijk: ['beoordeeld'],
  niet_ontvankelijk: [],
  beoordeeld: ['toegekend', 'afgewezen'],
  toegekend: ['uitgevoerd'],
  afgewezen: [],
  uitgevoerd: ['verantwoord'],
  verantwoord: [],
};

/** End states: from here the retention period of the contact details runs. */
export const END_STATES: readonly InitiativeStatus[] = ['niet_ontvankelijk', 'afgewezen', 'verantwoord'];

export function canMove(from: InitiativeStatus, to: InitiativeStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses in which the initiative holds granted money. */
export const GRANTED_STATES: readonly InitiativeStatus[] = ['toegekend', 'uitgevoerd', 'verantwoord'];
