/**
 * Sequential palettes from ColorBrewer that stay readable for the common forms of colour blindness
 * (YlGnBu and YlOrRd, 5 classes). The colour only supports the legend and the table, never replaces them.
 */
const BLUES = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;
const REDS = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'] as const;

/** "Geen gegevens": neutral grey, drawn hatched on the map. */
export const NO_DATA_COLOUR = '#bdbdbd';

export type Polarity = 'higher_is_better' | 'lower_is_better' | 'neutral';

/**
 * The colours for `classes` classes, lowest class first. Darker always means more; the hue says whether
 * more is unfavourable (warm, for lower-is-better indicators such as crime) or not (cool).
 */
export function paletteFor(polarity: Polarity, classes: number): string[] {
  const base = polarity === 'lower_is_better' ? REDS : BLUES;
  const count = Math.max(1, Math.min(classes, base.length));
  if (count === base.length) return [...base];
  // Spread a shorter scale over the whole palette so its ends keep their contrast.
  if (count === 1) return [base[2] as string];
  return Array.from({ length: count }, (_, i) => base[Math.round((i * (base.length - 1)) / (count - 1))] as string);
}

/** The fill colour of a class index, or the no-data colour. */
export function colourFor(index: number | null, palette: readonly string[]): string {
  if (index === null) return NO_DATA_COLOUR;
  return palette[Math.max(0, Math.min(index, palette.length - 1))] ?? NO_DATA_COLOUR;
}

/** Black or white text, whichever reads better on a fill (WCAG relative luminance). */
export function textColourOn(hex: string): '#000000' | '#ffffff' {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return '#000000';
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => {
    const channel = parseInt(part as string, 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? '#000000' : '#ffffff';
}
