import type { OrganisationKind } from '../contract';

/**
 * The organisation kinds in menu order. Listed here rather than imported as a value from contract.ts,
 * which would pull zod into the browser bundle; the check below fails to compile when the lists diverge.
 */
export const ORGANISATION_KIND_CODES = [
  'gemeente',
  'politie',
  'woningcorporatie',
  'welzijn_zorg',
  'zorg_veiligheidshuis',
  'onderwijs',
  'bewonersorganisatie',
  'ondernemers',
  'rijk',
  'overig',
] as const satisfies readonly OrganisationKind[];

type MissingKind = Exclude<OrganisationKind, (typeof ORGANISATION_KIND_CODES)[number]>;
const everyKindListed: [MissingKind] extends [never] ? true : false = true;
void everyKindListed;
