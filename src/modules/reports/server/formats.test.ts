import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTemplate } from './default-template.js';
import { councilLetter, progressReport } from './documents.js';
import { renderDocx } from './render-docx.js';
import { renderPdf } from './render-pdf.js';
import { FIXTURE } from './report-fixture.js';

/**
 * The formats read back: the DOCX's XML (headings, table header rows, alt text, language, the hand-computed
 * figures) and the PDF through poppler (tagged, title, language, embedded fonts, the same figures).
 */
const template = defaultTemplate('Gemeente Dordrecht');
const report = progressReport(FIXTURE, template);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'reports-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const unzip = (file: string, member: string) => execFileSync('unzip', ['-p', file, member], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const FIGURES = ['80 %', '€ 123.456,78', '€ 4.301.208', '15'];

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
    expect(xml).toContain('descr="Lijndiagram Inwoners in Dordt West: beginwaarde 30.495 aantal op 1 januari 2020; doel 33.000 aantal op 1 januari 2030; laatste meting 31.030 aantal (2024); verwacht volgens traject 31.497 aantal; status risico."');
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
    const entries = [...firstPage.matchAll(/^\s*(Samenvatting|Doelen per pijler|Activiteiten|Geld|Doorpakken|Toelichting)\s+(\d+)\s*$/gm)].map((m) => ({ heading: m[1] ?? '', page: Number(m[2]) }));
    expect(entries.map((e) => e.heading)).toEqual(['Samenvatting', 'Doelen per pijler', 'Activiteiten', 'Geld', 'Doorpakken', 'Toelichting']);
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
});

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
