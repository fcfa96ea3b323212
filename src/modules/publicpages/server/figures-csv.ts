import type { PublicFigures } from '../contract.js';

/**
 * The open-data CSV of an area's key figures, made to open in Excel as Dutch users have it set up:
 *  - UTF-8 with a byte-order mark (Excel otherwise reads UTF-8 as Windows-1252: "Crabbehof" survives, "één" does not);
 *  - semicolons between fields, because Dutch Excel uses the comma as decimal separator and the semicolon as
 *    list separator;
 *  - decimal comma in numbers (31,5), no thousands separator, full precision as stored;
 *  - CRLF line ends (RFC 4180), every text field quoted, a quote inside doubled;
 *  - an empty value where the figure is unknown or suppressed, with the reason in `status`;
 *  - the source and licence on every row, so a copied part of the file still says where it came from.
 */
export const CSV_COLUMNS = ['gebied_code', 'gebied', 'indicator_code', 'indicator', 'eenheid', 'jaar', 'waarde', 'gemeente_waarde', 'index_gemeente_100', 'status', 'bron', 'licentie'] as const;

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
const decimal = (value: number | null) => (value === null ? '' : String(value).replace('.', ','));

export function figuresCsv(figures: PublicFigures): string {
  const source = `${figures.licence.attribution}; bewerking: gemeente (Wijkregie)`;
  const licence = `${figures.licence.name} ${figures.licence.url}`;
  const lines = [CSV_COLUMNS.join(';')];
  for (const item of figures.items) {
    for (const year of item.years) {
      const status = year.suppressed ? 'onderdrukt (te weinig inwoners)' : year.value === null ? 'niet bekend' : 'bekend';
      const index = year.index === null ? null : Math.round(year.index * 10) / 10;
      lines.push(
        [quote(figures.area.code), quote(figures.area.name), quote(item.indicator), quote(item.name), quote(item.unit), String(year.period), decimal(year.value), decimal(year.municipalityValue), decimal(index), quote(status), quote(source), quote(licence)].join(';'),
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
