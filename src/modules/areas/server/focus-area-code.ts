/**
 * The code of a focus area: `FA` + a slug of its name ("Dordt West" → FAdordt-west), within the areas code
 * rule FA[A-Za-z0-9_-]{1,40}. Diacritics are folded so "Crabbehof/Zuidhoven" and "Zuidhoven" stay readable.
 */
const MAX_SLUG = 36; // leaves room for a "-99" suffix when a name is used twice

export function slugOfName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/g, '');
  return slug || 'gebied';
}

/** The first free code for this name: FAname, FAname-2, FAname-3, … */
export function focusAreaCode(name: string, taken: (code: string) => boolean): string {
  const base = `FA${slugOfName(name)}`;
  if (!taken(base)) return base;
  for (let n = 2; n < 1000; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
  throw new Error('no free focus-area code');
}
