import type * as DocxModule from 'docx';
import { CHART_HEIGHT, CHART_WIDTH } from '../chart.js';
import type { Block, ReportDocument, TableCell } from '../contract.js';
import { dutchDate } from './dates.js';
import { chartPng, mapPng } from './render-chart.js';

/**
 * A report document as DOCX (the `docx` library, loaded on first use): Word's own heading styles (so the
 * navigation pane and the table of contents work), a table of contents field that Word fills on opening, a
 * repeated header row in every table, alt text on every chart, Dutch (nl-NL) as the language of every run.
 */
export async function renderDocx(doc: ReportDocument, onProgress: (share: number) => void = () => {}): Promise<Buffer> {
  const d = await import('docx');
  const color = doc.style.primaryColor.slice(1);
  const cellText = (cell: TableCell) => (typeof cell === 'string' ? { text: cell, bold: false } : { text: cell.text, bold: cell.bold ?? false });
  const children: (InstanceType<typeof d.Paragraph> | InstanceType<typeof d.Table> | InstanceType<typeof d.TableOfContents>)[] = [];

  if (doc.logo) {
    children.push(
      new d.Paragraph({
        children: [new d.ImageRun({ type: 'png', data: Buffer.from(doc.logo.dataBase64, 'base64'), transformation: { width: 160, height: 60 }, altText: { name: 'logo', title: doc.logo.alt, description: doc.logo.alt } })],
      }),
    );
  } else {
    children.push(new d.Paragraph({ children: [new d.TextRun({ text: doc.municipalityName, bold: true, color, size: 28 })] }));
  }
  children.push(new d.Paragraph({ heading: d.HeadingLevel.TITLE, children: [new d.TextRun(doc.title)] }));
  children.push(new d.Paragraph({ children: [new d.TextRun({ text: doc.subtitle, size: 26 })] }));
  children.push(new d.Paragraph({ children: [new d.TextRun({ text: `Peildatum: ${dutchDate(doc.peildatum)}`, bold: true })] }));

  const total = doc.blocks.length;
  for (const [index, block] of doc.blocks.entries()) {
    children.push(...(await renderBlock(d, block, color, cellText)));
    // The blocks take most of the time; packing the file the rest.
    onProgress(((index + 1) / total) * 0.8);
  }

  const document = new d.Document({
    title: doc.title,
    subject: doc.subtitle,
    creator: doc.municipalityName,
    description: `Peildatum ${doc.peildatum}`,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: doc.style.fontFamily, size: 22, language: { value: 'nl-NL' } } },
        heading1: { run: { font: doc.style.fontFamily, size: 32, bold: true, color, language: { value: 'nl-NL' } }, paragraph: { spacing: { before: 360, after: 120 } } },
        heading2: { run: { font: doc.style.fontFamily, size: 26, bold: true, color, language: { value: 'nl-NL' } }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { font: doc.style.fontFamily, size: 23, bold: true, language: { value: 'nl-NL' } }, paragraph: { spacing: { before: 200, after: 80 } } },
        title: { run: { font: doc.style.fontFamily, size: 40, bold: true, color, language: { value: 'nl-NL' } } },
      },
    },
    sections: [{ children }],
  });
  return d.Packer.toBuffer(document);
}

type Docx = typeof DocxModule;

async function renderBlock(d: Docx, block: Block, color: string, cellText: (cell: TableCell) => { text: string; bold: boolean }) {
  const HEADING = { 1: d.HeadingLevel.HEADING_1, 2: d.HeadingLevel.HEADING_2, 3: d.HeadingLevel.HEADING_3 } as const;
  const border = { style: d.BorderStyle.SINGLE, size: 4, color: 'BFBFBF' };
  const borders = { top: border, bottom: border, left: border, right: border };
  switch (block.type) {
    case 'heading':
      return [new d.Paragraph({ heading: HEADING[block.level], children: [new d.TextRun(block.text)] })];
    case 'paragraph':
      return [new d.Paragraph({ spacing: { after: 120 }, children: [new d.TextRun({ text: block.text, italics: block.tone !== 'normal', color: block.tone === 'example' ? '6B4E00' : undefined })] })];
    case 'list':
      return block.items.map((item, i) => new d.Paragraph({ spacing: { after: 60 }, indent: { left: 360, hanging: 360 }, children: [new d.TextRun(`${block.ordered ? `${i + 1}.` : '•'}\t${item}`)] }));
    case 'toc':
      return [
        new d.Paragraph({ heading: d.HeadingLevel.HEADING_1, children: [new d.TextRun('Inhoud')] }),
        new d.TableOfContents('Inhoud', { hyperlink: true, headingStyleRange: '1-2' }),
      ];
    case 'table': {
      const header = new d.TableRow({
        tableHeader: true,
        cantSplit: true,
        children: block.header.map(
          (h, i) =>
            new d.TableCell({
              borders,
              shading: { type: d.ShadingType.CLEAR, fill: color, color: 'auto' },
              children: [new d.Paragraph({ alignment: block.numeric[i] ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT, children: [new d.TextRun({ text: h, bold: true, color: 'FFFFFF' })] })],
            }),
        ),
      });
      const rows = block.rows.map(
        (row) =>
          new d.TableRow({
            cantSplit: true,
            children: row.map((cell, i) => {
              const { text, bold } = cellText(cell);
              return new d.TableCell({ borders, children: [new d.Paragraph({ alignment: block.numeric[i] ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT, children: [new d.TextRun({ text, bold })] })] });
            }),
          }),
      );
      return [
        new d.Paragraph({ keepNext: true, spacing: { before: 160, after: 60 }, children: [new d.TextRun({ text: block.caption, bold: true })] }),
        new d.Table({ width: { size: 100, type: d.WidthType.PERCENTAGE }, rows: [header, ...rows] }),
        new d.Paragraph({ children: [] }),
      ];
    }
    case 'chart': {
      const png = await chartPng(block.chart, block.alt, 2);
      return [
        new d.Paragraph({
          keepNext: true,
          children: [new d.ImageRun({ type: 'png', data: png, transformation: { width: CHART_WIDTH * 0.9, height: CHART_HEIGHT * 0.9 }, altText: { name: block.caption, title: block.caption, description: block.alt } })],
        }),
        new d.Paragraph({ spacing: { after: 160 }, children: [new d.TextRun({ text: block.caption, italics: true, size: 18 })] }),
      ];
    }
    case 'map': {
      // The same SVG as the web page, at 2× for print; 0.9 of its size as the charts (about the text width).
      const { png, width, height } = await mapPng(block.map, block.alt, 2);
      return [
        new d.Paragraph({
          keepNext: true,
          children: [new d.ImageRun({ type: 'png', data: png, transformation: { width: width * 0.9, height: height * 0.9 }, altText: { name: block.caption, title: block.caption, description: block.alt } })],
        }),
        new d.Paragraph({ spacing: { after: 160 }, children: [new d.TextRun({ text: block.caption, italics: true, size: 18 })] }),
      ];
    }
    case 'fields': {
      const noBorder = { style: d.BorderStyle.NONE, size: 0, color: 'FFFFFF' };
      const none = { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder };
      return [
        new d.Table({
          width: { size: 100, type: d.WidthType.PERCENTAGE },
          columnWidths: [2600, 6400],
          rows: block.rows.map(
            (r) =>
              new d.TableRow({
                children: [
                  new d.TableCell({ borders: none, children: [new d.Paragraph({ children: [new d.TextRun({ text: r.label, bold: true })] })] }),
                  new d.TableCell({ borders: none, children: [new d.Paragraph({ children: [new d.TextRun(r.value)] })] }),
                ],
              }),
          ),
        }),
        new d.Paragraph({ children: [] }),
      ];
    }
    case 'signature':
      return [
        new d.Paragraph({ spacing: { before: 480, after: 480 }, children: [new d.TextRun(block.closing)] }),
        ...block.signers.map((s) => new d.Paragraph({ spacing: { after: 360 }, children: [new d.TextRun({ text: s.role, italics: true }), ...(s.name ? [new d.TextRun({ text: s.name, break: 1 })] : [])] })),
      ];
  }
}
