import type { Indicator, ProfileItem } from '../../contract';

export interface ProfileRow extends ProfileItem {
  name: string;
  theme: string;
  unit: string;
  decimals: number;
  definition: string;
}

/** Profile items joined with the catalogue, per theme; items the catalogue does not know go under "Overig". */
export function profileRowsByTheme(items: readonly ProfileItem[], catalogue: readonly Indicator[], otherTheme: string, locale: string): { theme: string; rows: ProfileRow[] }[] {
  const byCode = new Map(catalogue.map((indicator) => [indicator.code, indicator]));
  const collator = new Intl.Collator(locale === 'en' ? 'en-GB' : 'nl-NL');
  const groups = new Map<string, ProfileRow[]>();
  for (const item of items) {
    const indicator = byCode.get(item.indicator);
    const row: ProfileRow = {
      ...item,
      name: indicator?.name ?? item.indicator,
      theme: indicator?.theme ?? otherTheme,
      unit: indicator?.unit ?? '',
      decimals: indicator?.decimals ?? 1,
      definition: indicator?.definition ?? '',
    };
    const list = groups.get(row.theme) ?? [];
    list.push(row);
    groups.set(row.theme, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === otherTheme ? 1 : b === otherTheme ? -1 : collator.compare(a, b)))
    .map(([theme, rows]) => ({ theme, rows: rows.sort((a, b) => collator.compare(a.name, b.name)) }));
}

/** Indicators worth a time series: more than one period with a value. */
export function hasSeries(points: readonly { value: number | null }[]): boolean {
  return points.filter((point) => point.value !== null).length >= 2;
}
