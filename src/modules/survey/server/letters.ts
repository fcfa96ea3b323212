import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { printedCode } from './codes.js';

/**
 * The print files for invitation letters: a CSV for the mail merge of the municipality's own letter, and a
 * ready PDF with one A4 letter per code. Neither is stored: the codes exist only in this answer.
 */

export interface LetterCode {
  code: string;
  buurtCode: string;
  buurtName: string;
}

export interface LetterContext {
  title: string;
  municipalityName: string;
  opensOn: string;
  closesOn: string;
  /** Where residents answer, e.g. https://wijkregie.example.nl/bewoners/enquete */
  answerUrl: string;
}

const csvCell = (value: string) => (/[",;\n\r]/.test(value) || /^[=+\-@]/.test(value) ? `"${value.replace(/"/g, '""').replace(/^([=+\-@])/, "'$1")}"` : value);

/** Semicolon-separated (Dutch spreadsheet default), UTF-8 with BOM, one row per letter. */
export function lettersCsv(codes: readonly LetterCode[], context: LetterContext): string {
  const header = ['buurtcode', 'buurt', 'code', 'adres_enquete', 'open_van', 'open_tot_en_met'];
  const lines = codes.map((c) => [c.buurtCode, c.buurtName, printedCode(c.code), context.answerUrl, context.opensOn, context.closesOn].map(csvCell).join(';'));
  return `\uFEFF${[header.join(';'), ...lines].join('\r\n')}\r\n`;
}

const require = createRequire(import.meta.url);
let fonts: Promise<{ regular: Buffer; bold: Buffer }> | null = null;
/** Noto Sans from its npm package (the same font the reports embed), found through module resolution. */
function letterFonts() {
  fonts ??= Promise.all([
    readFile(require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf')),
    readFile(require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf')),
  ]).then(([regular, bold]) => ({ regular, bold }));
  return fonts;
}

const dutchDay = (iso: string) => new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));

/** One tagged A4 letter per code, in Dutch with a line in English. */
export async function lettersPdf(codes: readonly LetterCode[], context: LetterContext): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const { regular, bold } = await letterFonts();
  const pdf = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 72, left: 64, right: 64 }, pdfVersion: '1.7', tagged: true, lang: 'nl-NL', displayTitle: true, info: { Title: `Uitnodiging ${context.title}`, Author: `Gemeente ${context.municipalityName}` } });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont('regular', regular);
  pdf.registerFont('bold', bold);
  const width = pdf.page.width - 128;
  codes.forEach((c, i) => {
    if (i > 0) pdf.addPage();
    pdf.font('bold').fontSize(16).text(`Gemeente ${context.municipalityName}`, { width });
    pdf.moveDown(1.5);
    pdf.font('regular').fontSize(11).text(`Aan de bewoners van dit adres in ${c.buurtName}`, { width });
    pdf.moveDown(1.5);
    pdf.font('bold').fontSize(13).text(`Hoe is het wonen in je buurt? ${context.title}`, { width });
    pdf.moveDown(0.8);
    pdf.font('regular').fontSize(11);
    pdf.text(`Beste bewoner,\n\nWe willen graag weten hoe je je buurt ervaart: hoe prettig en hoe veilig het er is, en of het beter of slechter gaat dan een jaar geleden. Het invullen duurt ongeveer vijf minuten. Je antwoorden zijn anoniem: de code hieronder wordt niet bij je antwoorden bewaard, en we zien niet wie wat heeft ingevuld.`, { width });
    pdf.moveDown(1);
    pdf.text(`Ga naar ${context.answerUrl} en vul deze code in:`, { width });
    pdf.moveDown(0.6);
    pdf.font('bold').fontSize(22).text(printedCode(c.code), { width, characterSpacing: 2 });
    pdf.moveDown(0.6);
    pdf.font('regular').fontSize(11).text(`Je kunt meedoen van ${dutchDay(context.opensOn)} tot en met ${dutchDay(context.closesOn)}. Met deze code kan één persoon de vragenlijst één keer invullen.`, { width });
    pdf.moveDown(1);
    pdf.text('Alvast bedankt voor je hulp!', { width });
    pdf.moveDown(2);
    pdf.fontSize(9.5).fillColor('#444444').text(`English: you are invited to an anonymous survey about your neighbourhood. Go to ${context.answerUrl}, choose English and enter the code above.`, { width });
    pdf.fillColor('#000000');
  });
  pdf.end();
  return done;
}
