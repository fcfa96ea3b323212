import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTemplate } from './default-template.js';
import { councilLetter, goalChartAlt, progressReport } from './documents.js';
import { renderDocx } from './render-docx.js';
import { renderPdf } from './render-pdf.js';
import { FIXTURE, FIXTURE_WITH_MAP } from './report-fixture.js';
import type { Block } from '../contract.js';

/**
 * The formats read back: the DOCX's XML (headings, table header rows, alt text, language, the hand-computed
 * figures) and the PDF through poppler (tagged, title, language, embedded fonts, the same figures).
 */
const template = defaultTemplate('Gemeente Dordrecht');
const report = progressReport(FIXTURE_WITH_MAP, template);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'reports-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const unzip = (file: string, member: string) => execFileSync('unzip', ['-p', file, member], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const FIGURES = ['80 %', '€ 123.456,78', '€ 4.301.208', '15'];
/** The map's alt text, by hand from FIXTURE_MAP. */
const MAP_ALT =
  'Kaart van Dordt West: Percentage eenpersoonshuishoudens per buurt, 2020, 4 buurten; hoogste 61 % in Wielwijk-Noord; laagste 38 % in Crabbehof-Zuid; ' +
  'klassen 38 % (1), 52 % (1), 61 % (1); zonder cijfer 1. Bron: CBS, Kadaster.';
const MAP_LEGEND = ['Percentage eenpersoonshuishoudens', 'per buurt, 2020', '38 % (1 buurt)', '52 % (1 buurt)', '61 % (1 buurt)', 'geen cijfer (1 buurt)', 'Bron: CBS, Kadaster (grenzen 2020)'];

describe('the map of the programme\'s area in the progress report', () => {
  it('comes with its alt text, caption and the table of its figures', () => {
    const at = report.blocks.findIndex((b) => b.type === 'map');
    const map = report.blocks[at];
    expect(map?.type === 'map' && map.alt).toBe(MAP_ALT);
    expect(map?.type === 'map' && map.caption).toBe('Percentage eenpersoonshuishoudens per buurt in Dordt West, 2020. Bron: CBS, Kadaster.');
    const table = report.blocks[at + 1];
    expect(table?.type === 'table' && table.rows).toEqual([
      ['Crabbehof-Zuid', '38'],
      ['Nijverheid', 'geen cijfer'],
      ['Oud-Krispijn', '52'],
      ['Wielwijk-Noord', '61'],
    ]);
  });
  it('is left out, and nothing said, for a snapshot taken before maps were kept', () => {
    const old = progressReport(FIXTURE, template);
    expect(old.blocks.some((b) => b.type === 'map')).toBe(false);
    expect(old.blocks.some((b) => b.type === 'heading' && b.text === 'Het gebied')).toBe(false);
    expect(JSON.stringify(old.blocks)).not.toMatch(/kaart/i);
  });
});

describe('progress report as DOCX', () => {
  let xml: string;
  let styles: string;
  beforeAll(async () => {
    const file = path.join(dir, 'report.docx');
    writeFileSync(file, await renderDocx(report));
    xml = unzip(file, 'word/document.xml');
    styles = unzip(file, 'word/styles.xml');
  }, 60_000);

  it('has real headings and a table of contents field', () => {
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?Samenvatting/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?Wonen en fysieke leefomgeving/);
    expect(xml).toMatch(/TOC \\h \\o &quot;1-2&quot;/);
  });
  it('marks the first row of every table as a repeated header row', () => {
    const tables = xml.match(/<w:tbl>/g)?.length ?? 0;
    expect(tables).toBeGreaterThan(5);
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBe(tables);
  });
  it('gives the chart its alt text', () => {
    expect(xml).toContain('descr="Lijndiagram Inwoners in Dordt West: beginwaarde 30.495 op 1 januari 2020; doel 33.000 op 1 januari 2030; laatste meting 31.030 (2024); verwacht volgens traject 31.497; status risico."');
  });
  it('gives the map as an image with its alt text', () => {
    const drawings = xml.match(/<wp:docPr [^>]*>/g) ?? [];
    expect(drawings.filter((d) => d.includes(`descr="${MAP_ALT}"`))).toHaveLength(1);
    expect(drawings.every((d) => /descr="[^"]+"/.test(d))).toBe(true);
  });
  it('is in Dutch (nl-NL) and says its peildatum', () => {
    expect(styles).toContain('w:lang w:val="nl-NL"');
    expect(xml).toContain('Peildatum: 30 juni 2026');
  });
  it('holds the hand-computed figures', () => {
    // Amounts keep their sign and figure together with a no-break space; a reader sees a space.
    const text = xml.replace(/<[^>]+>/g, '').replace(/\u00a0/g, ' ');
    for (const figure of FIGURES) expect(text).toContain(figure);
    expect(text).toContain('4 van 5 (80 %)');
    expect(text).toContain('Mediaan dagen van besluit tot actie gedaan15');
    expect(text).toContain('Acties te laat op de peildatum2');
  });
});

describe('progress report as tagged PDF', () => {
  let file: string;
  beforeAll(async () => {
    file = path.join(dir, 'report.pdf');
    writeFileSync(file, await renderPdf(report));
  }, 60_000);

  it('is tagged, titled and says its language', () => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Voortgangsrapportage Testprogramma West/);
    expect(info).toMatch(/PDF version:\s+1\.7/);
    const raw = execFileSync('pdfinfo', ['-struct', file], { encoding: 'utf8' });
    for (const tag of ['Document', 'H1', 'H2', 'Table', 'TH', 'TD', 'Figure', 'L', 'LI']) expect(raw).toContain(tag);
  });
  it('embeds its fonts', () => {
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toContain('NotoSans');
    expect(fonts.split('\n').slice(2).filter((l) => l.trim()).every((l) => /\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/.test(l))).toBe(true);
  });
  it('has a table of contents whose page numbers are the pages the headings are on', () => {
    const firstPage = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    const entries = [...firstPage.matchAll(/^\s*(Samenvatting|Het gebied|Doelen per pijler|Activiteiten|Geld|Doorpakken|Toelichting)\s+(\d+)\s*$/gm)].map((m) => ({ heading: m[1] ?? '', page: Number(m[2]) }));
    expect(entries.map((e) => e.heading)).toEqual(['Samenvatting', 'Het gebied', 'Doelen per pijler', 'Activiteiten', 'Geld', 'Doorpakken', 'Toelichting']);
    for (const { heading, page } of entries) {
      const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
      expect(text.split('\n').map((l) => l.trim()), `${heading} on page ${page}`).toContain(heading);
    }
    const struct = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' });
    expect(struct).toMatch(/TOCI[\s\S]*?"Samenvatting"[\s\S]*?"2"/);
  });
  it('holds the same figures as the DOCX', () => {
    // Table cells wrap: compare with the line breaks read as spaces.
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const figure of FIGURES) expect(text).toContain(figure);
    expect(text).toContain('4 van 5 (80 %)');
    expect(text).toContain('peildatum 30 juni 2026');
  });
  it('draws the map as vectors with its legend and source, tagged as a Figure with its alt text', () => {
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const line of MAP_LEGEND) expect(text).toContain(line);
    // pdfkit writes the structure elements uncompressed: the Figure's dictionary holds the alt text.
    const raw = readFileSync(file, 'latin1');
    expect(raw).toContain(`/S /Figure\n/Alt (${MAP_ALT.replace(/[()\\]/g, (c) => `\\${c}`)})`);
  });
});

describe('tables in the PDF', () => {
  it('never split a word or a figure over two lines, however many columns', async () => {
    const long = ['Preventie met Gezag: jongerenaanpak Crabbehof', 'Schuldhulp dichtbij: inloopspreekuur in de wijk', 'Energiehulpen en aanpak energiearmoede Dordt West', 'Renovatie en verduurzaming portiekflats Wielwijk'];
    const table: Block = {
      type: 'table',
      caption: 'Alle activiteiten op de peildatum',
      header: ['Activiteit', 'Eigenaar', 'Start', 'Einde', 'Status', 'Voortgang', 'Laatste voortgangsmelding'],
      numeric: [false, false, false, false, false, true, false],
      // The demo's activities at a peildatum: long names, owners and progress reports side by side.
      rows: [
        [long[0] ?? '', 'Politie (demopartner)', '01-07-2023', '30-06-2026', 'loopt', '65 %', 'Eindevaluatie vertraagd: de cijfers van de tweede tranche ontbreken nog. (06-12-2026)'],
        [long[1] ?? '', 'Wijkteam welzijn en zorg (demopartner)', '01-09-2023', '31-12-2024', 'afgerond', '100 %', 'Spreekuur is opgenomen in het reguliere aanbod van het wijkteam. (30-12-2024)'],
        [long[2] ?? '', 'Gemeente Dordrecht', '01-01-2024', '31-12-2026', 'loopt', '70 %', 'Ruim 600 huishoudens bezocht; uitbreiding met extra energiehulpen in voorbereiding. (06-12-2026)'],
        [long[3] ?? '', 'Woningcorporatie (demopartner)', '01-03-2024', '31-12-2028', 'loopt', '25 %', 'Eerste twee blokken geïsoleerd; bewonersavonden goed bezocht. (06-12-2026)'],
        ['Gezonde school en buurtsport Oud Krispijn', 'Wijkteam welzijn en zorg (demopartner)', '01-01-2027', '31-12-2027', 'gepland', '0 %', '—'],
      ],
    };
    const file = path.join(dir, 'table.pdf');
    writeFileSync(file, await renderPdf({ ...report, blocks: [table] }));
    const words = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split(/\s+/);
    for (const word of [...long.join(' ').split(' '), 'voortgangsmelding', '(demopartner)', 'energiehulpen', '01-09-2023', '100']) expect(words, word).toContain(word);
    // The type gets smaller to make room, but not below 7 pt: Noto Sans's line box is 1.362 em high.
    const tableWords = boxes(file).filter((b) => b.text !== 'pagina' && b.yMin > 100 && b.yMax < 780);
    expect(Math.min(...tableWords.map((b) => b.yMax - b.yMin))).toBeGreaterThanOrEqual(7 * 1.36);
  });

  it('start every line of a cell at its left edge, also the line after a word that only just fits', async () => {
    // The tranches as the demo letter has them: the last column gets just its longest word, "Ontvangen".
    const table: Block = {
      type: 'table',
      caption: 'Tranches van de financieringsbronnen',
      header: ['Bron', 'Tranche', 'Bedrag', 'Vervaldatum', 'Ontvangen op'],
      numeric: [false, true, true, false, false],
      rows: [1, 2, 3, 4].map((seq) => ['Preventie met Gezag (illustratief)', String(seq), '€\u00a01.075.302', '01-03-2025', seq < 4 ? '04-03-2025' : 'nog niet']),
    };
    const file = path.join(dir, 'tranches.pdf');
    writeFileSync(file, await renderPdf({ ...report, blocks: [table] }));
    const all = boxes(file);
    const first = all.find((b) => b.text === 'Ontvangen');
    const next = all[all.findIndex((b) => b.text === 'Ontvangen') + 1];
    expect(next?.text).toBe('op');
    if (next && first && next.yMin > first.yMin) expect(next.xMin).toBeCloseTo(first.xMin, 1);
  });
});

/** Every word of the PDF with its box, in reading order (pdftotext -bbox). */
function boxes(file: string): { text: string; xMin: number; yMin: number; yMax: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[4] ?? '',
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    yMax: Number(m[3]),
  }));
}

describe('council letter', () => {
  it('prints the header fields and the five questions of the municipality in both formats', async () => {
    const letter = councilLetter(FIXTURE, template, {
      fields: { aan: 'de gemeenteraad', datum: '30 juni 2026', zaaknummer: '2026-0001', betreft: 'Voortgang Testprogramma', portefeuillehouder: 'Wethouder', begrotingsprogramma: 'Veilig', kernteam: 'Opgaven - Veilige Stad', auteur: 'Auteur', email: 'a@example.nl', verantwoordelijke: 'Auteur', openbaar: 'Ja' },
      sections: { aanleiding: 'Aanleiding in twee zinnen.', informatie: '', vervolg: 'We gaan door.', kosten: '', besluiten: '' },
      signers: ['', ''],
    });
    const file = path.join(dir, 'letter.pdf');
    writeFileSync(file, await renderPdf(letter));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    for (const title of template.sections.map((s) => s.title)) expect(text).toContain(title);
    for (const label of ['Zaaknummer', 'Portefeuillehouder', 'Begrotingsprogramma', 'Kernteam/Opgave', 'Verantwoordelijke', 'Openbaar']) expect(text).toContain(label);
    expect(text).toContain('Het college van Burgemeester en Wethouders');
    const docx = path.join(dir, 'letter.docx');
    writeFileSync(docx, await renderDocx(letter));
    expect(unzip(docx, 'word/document.xml').replace(/<[^>]+>/g, '')).toContain('Wat is de aanleiding om deze informatie kenbaar te maken?');
  }, 60_000);
});

describe('goal figures with their unit', () => {
  it('prints a percentage goal as "45 %" in the table and the alt text, a count without a unit word', () => {
    const [goal] = FIXTURE.content.goals;
    if (!goal) throw new Error('the fixture has a goal');
    const share = { ...goal, name: 'Minder eenpersoonshuishoudens', indicatorName: 'Aandeel eenpersoonshuishoudens', unit: '%', baseline: 45, target: 39, latest: goal.latest && { ...goal.latest, value: 44 }, expected: 43.6 };
    const blocks = progressReport({ ...FIXTURE, content: { ...FIXTURE.content, goals: [share, goal] } }, template).blocks;
    const rows = blocks.flatMap((b) => (b.type === 'table' && b.header[0] === 'Operationeel doel' ? b.rows : []));
    const text = (cell: unknown) => (typeof cell === 'string' ? cell : (cell as { text: string }).text);
    const shareRow = rows.find((r) => text(r[0]).startsWith('Minder eenpersoonshuishoudens'))?.map(text);
    expect(shareRow?.slice(2, 6)).toEqual(['45 % (2020)', '44 % (2024)', '44 %', '39 % (2030)']);
    const countRow = rows.find((r) => text(r[0]).startsWith('Meer inwoners'))?.map(text);
    expect(countRow?.slice(2, 6)).toEqual(['30.495 (2020)', '31.030 (2024)', '31.497', '33.000 (2030)']);
    expect(goalChartAlt(share)).toContain('beginwaarde 45 % op 1 januari 2020; doel 39 % op 1 januari 2030; laatste meting 44 % (2024)');
  });
});
