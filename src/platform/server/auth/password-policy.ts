import { createRequire } from 'node:module';
import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type * as ZxcvbnCommon from '@zxcvbn-ts/language-common';
import { PASSWORD_MIN_LENGTH } from './passwords.js';

/**
 * What a new password must be (OWASP ASVS 2.1.1 and 2.1.7, NIST SP 800-63B 5.1.1.2): at least 12
 * characters, and not one that attackers try first. zxcvbn-ts estimates how many guesses a password takes
 * against the breached-password list it ships (language-common: passwords from public breaches, ranked by
 * frequency) and common Dutch and English words and names, with the patterns crackers use on top of them
 * (l33t, reversal, capitals, digits and years appended, keyboard walks, repeats, dates). A password
 * needing fewer than 10^10 guesses (zxcvbn's score below 4, "strong protection from offline slow-hash
 * guessing") is refused: that is "password1234", "Welkom2024!!", "Wachtwoord!2025", a name with digits, and
 * every entry of the list, whatever the length. No composition rules (ASVS 2.1.9): a passphrase of a few
 * ordinary words ("fiets regen kaas molen") or a random password of 12 characters passes.
 *
 * Applies wherever a person chooses a password: user creation and a new password through the API, and the
 * CLI's create-user. The demo seed sets its documented weak password directly and never runs in production.
 */
export const MIN_PASSWORD_SCORE = 4;

/** Words of this application that must not carry a password ("wijkregie2026"). */
const APPLICATION_WORDS = ['wijkregie', 'gemeente', 'dordrecht', 'casusregisseur', 'beheerder'];

// Loading the dictionaries takes a moment and some memory: only on the first password checked, not at every
// start of the server (required, not imported, so the packages are not even read before then).
const require = createRequire(import.meta.url);
type LanguagePackage = typeof ZxcvbnCommon;
let factory: ZxcvbnCore.ZxcvbnFactory | undefined;
function estimator(): ZxcvbnCore.ZxcvbnFactory {
  if (!factory) {
    const { ZxcvbnFactory: Factory } = require('@zxcvbn-ts/core') as typeof ZxcvbnCore;
    const common = require('@zxcvbn-ts/language-common') as LanguagePackage;
    const english = require('@zxcvbn-ts/language-en') as Pick<LanguagePackage, 'dictionary'>;
    const dutch = require('@zxcvbn-ts/language-nl-be') as Pick<LanguagePackage, 'dictionary'>;
    factory = new Factory({ dictionary: { ...common.dictionary, ...english.dictionary, ...dutch.dictionary }, graphs: common.adjacencyGraphs });
  }
  return factory;
}

/**
 * Why this password may not be used, as a sentence for the field error, or null when it may. `personal`
 * holds what an attacker knows about the account (username, name, e-mail), which must not carry it either.
 */
export function newPasswordProblem(password: string, personal: readonly (string | null | undefined)[] = []): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `at least ${PASSWORD_MIN_LENGTH} characters`;
  const userInputs = [...APPLICATION_WORDS, ...personal.flatMap((value) => (value ? [value, ...value.split(/[\s@._-]+/).filter((part) => part.length >= 3)] : []))];
  const { score } = estimator().check(password, userInputs);
  if (score < MIN_PASSWORD_SCORE) return 'too easy to guess: it is a common or leaked password, or one built from common words, names or patterns';
  return null;
}
