import type { Indicator } from '../../contract';

/**
 * Labels that tell indicators apart (issue 13, item 8). CBS names many figures by their last word only —
 * "Appartement" is both the electricity and the gas use of an apartment, "Nederland" both a country of
 * origin and a place of birth. Where names repeat, the label adds the first part of the CBS theme in which
 * they differ ("Appartement (Gemiddeld aardgasverbruik)"); where the themes are equal, the unit; where
 * that is equal too, the source table.
 */
export function indicatorLabels(indicators: readonly Pick<Indicator, 'code' | 'name' | 'theme' | 'unit' | 'source'>[]): Map<string, string> {
  const byName = new Map<string, (typeof indicators)[number][]>();
  for (const indicator of indicators) byName.set(indicator.name, [...(byName.get(indicator.name) ?? []), indicator]);
  const labels = new Map<string, string>();
  for (const [name, group] of byName) {
    if (group.length === 1) {
      labels.set(group[0]!.code, name);
      continue;
    }
    const paths = group.map((indicator) => indicator.theme.split('>').map((part) => part.trim()));
    const depth = Math.max(...paths.map((path) => path.length));
    let differing = -1;
    for (let i = 0; i < depth && differing < 0; i++) if (new Set(paths.map((path) => path[i] ?? '')).size > 1) differing = i;
    group.forEach((indicator, index) => {
      const part = differing >= 0 ? paths[index]![differing] : undefined;
      const units = new Set(group.map((other) => other.unit));
      const extra = part || (units.size > 1 ? indicator.unit : indicator.source);
      labels.set(indicator.code, extra ? `${name} (${extra})` : name);
    });
  }
  return labels;
}
