/** The search of the search-and-pick control: every word typed must start a word of the option (accents ignored). */

export interface PickOption {
  value: string;
  label: string;
  /** The heading the option is listed under (Wijken, Buurten, Doelen, …). */
  group: string;
  /** Extra words that find the option (a code, a parent's name) without being shown. */
  keywords?: string;
}

export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** The options that match `query`, in their own order, at most `limit`; `total` counts all matches. */
export function matchOptions<T extends PickOption>(options: readonly T[], query: string, limit = 50): { items: T[]; total: number } {
  const words = fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const matches = options.filter((option) => {
    const haystack = fold(`${option.label} ${option.keywords ?? ''}`).split(/[^\p{L}\p{N}]+/u);
    return words.every((word) => haystack.some((part) => part.startsWith(word)));
  });
  return { items: matches.slice(0, limit), total: matches.length };
}
