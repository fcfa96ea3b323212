import { CHART_HEIGHT, CHART_WIDTH, trajectoryChart, type SvgNode } from '../chart.js';
import { areaMap, MAP_WIDTH } from '../map.js';
import type { Block, ReportDocument, TableCell } from '../contract.js';
import { dutchDate } from './dates.js';
import { reportFonts } from './fonts.js';

/**
 * A report document as tagged PDF (PDF/UA) with pdfkit, loaded on first use: a structure tree (Document,
 * H1–H3, P, L/LI, Table/TR/TH/TD, Figure with alt text), the document language nl-NL, the title shown in the
 * viewer's title bar, Noto Sans embedded, bookmarks for the headings and a table of contents with page
 * numbers. One pass: the contents page keeps its place and the same height whatever the numbers are, so each
 * entry's number is written onto it once the last heading has found its page. Everything that is not content (rules, cell borders, page footers) is
 * marked as an artifact. Charts are drawn as vectors from the same SVG tree as the web page's.
 */
type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const PAGE = { width: 595.28, height: 841.89, margin: 56, top: 64, bottom: 72 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const FONT = { regular: 'NotoSans', bold: 'NotoSans-Bold' };

export async function renderPdf(report: ReportDocument, onProgress: (share: number) => void = () => {}): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const fonts = await reportFonts();
  const pdf: Doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.margin, right: PAGE.margin },
    pdfVersion: '1.7',
    tagged: true,
    lang: 'nl-NL',
    displayTitle: true,
    // pdfkit 0.20 knows PDF/UA; its community typings list only the PDF/A subsets.
    subset: 'PDF/UA' as never,
    bufferPages: true,
    info: { Title: report.title, Subject: report.subtitle, Author: report.municipalityName, Keywords: `peildatum ${report.peildatum}` },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont(FONT.regular, fonts.regular);
  pdf.registerFont(FONT.bold, fonts.bold);
  const color = report.style.primaryColor;
  // pdfkit takes (tag, children) as well as (tag, options, children) and a table cell's scope; its typings lag behind.
  const el = (tag: string, a?: object | (() => unknown), b?: () => unknown): Struct => (pdf.struct as unknown as (t: string, o?: unknown, c?: unknown) => Struct)(tag, a, b);
  const root = el('Document');
  pdf.addStructure(root);

  const ensureSpace = (height: number) => {
    if (pdf.y + height > PAGE.height - PAGE.bottom) pdf.addPage();
  };
  const para = (text: string, options: { font?: string; size?: number; color?: string; type?: string; gap?: number } = {}) => {
    pdf.font(options.font ?? FONT.regular).fontSize(options.size ?? 10.5);
    ensureSpace(pdf.heightOfString(text, { width: CONTENT_WIDTH }) > 200 ? 40 : pdf.heightOfString(text, { width: CONTENT_WIDTH }));
    root.add(el(options.type ?? 'P', () => pdf.fillColor(options.color ?? '#1a1a1a').text(text, PAGE.margin, pdf.y, { width: CONTENT_WIDTH })));
    pdf.moveDown(options.gap ?? 0.4);
  };

  // Title block.
  if (report.logo) {
    const data = Buffer.from(report.logo.dataBase64, 'base64');
    root.add(el('Figure', { alt: report.logo.alt }, () => pdf.image(data, PAGE.margin, pdf.y, { fit: [160, 60] })));
    pdf.y += 66;
  } else {
    para(report.municipalityName, { font: FONT.bold, size: 13, color });
  }
  para(report.title, { font: FONT.bold, size: 22, color, type: 'H1', gap: 0.2 });
  para(report.subtitle, { size: 13 });
  para(`Peildatum: ${dutchDate(report.peildatum)}`, { font: FONT.bold, size: 11, gap: 0.8 });

  const headings = report.blocks.flatMap((b, i) => (b.type === 'heading' && b.level <= 2 ? [{ index: i, level: b.level, text: b.text }] : []));
  const outlineParents: PDFKit.PDFOutline[] = [];
  /** 1-based page number of each heading (by block index). */
  const headingPages = new Map<number, number>();
  /** The contents page's entries, to receive their page numbers at the end. */
  const tocEntries: { index: number; item: Struct; page: number; y: number }[] = [];
  let tocStruct: Struct | null = null;
  const currentPage = () => {
    const range = pdf.bufferedPageRange();
    return range.start + range.count - 1;
  };

  for (const [index, block] of report.blocks.entries()) {
    renderBlock(block, index);
    onProgress(((index + 1) / report.blocks.length) * 0.9);
  }

  function renderBlock(block: Block, index: number) {
    switch (block.type) {
      case 'heading': {
        const size = { 1: 16, 2: 13.5, 3: 11.5 }[block.level];
        pdf.font(FONT.bold).fontSize(size);
        if (block.level === 1 && pdf.y > PAGE.top + 200) pdf.addPage();
        ensureSpace(60);
        pdf.moveDown(0.4);
        headingPages.set(index, currentPage() + 1);
        // The document title is H1: a report's chapters are H2 and below; a letter's sections (level 2) stay H2.
        const tag = `H${report.kind === 'letter' ? block.level : block.level + 1}`;
        root.add(el(tag, () => pdf.fillColor(block.level < 3 ? color : '#1a1a1a').text(block.text, PAGE.margin, pdf.y, { width: CONTENT_WIDTH })));
        if (block.level === 1) outlineParents[0] = pdf.outline.addItem(block.text);
        else if (block.level === 2) (outlineParents[0] ?? pdf.outline).addItem(block.text);
        pdf.moveDown(0.3);
        return;
      }
      case 'paragraph':
        para(block.text, { color: block.tone === 'example' ? '#6b4e00' : block.tone === 'note' ? '#404040' : '#1a1a1a', size: block.tone === 'normal' ? 10.5 : 9.5 });
        return;
      case 'list': {
        const list = el('L');
        root.add(list);
        pdf.font(FONT.regular).fontSize(10.5);
        block.items.forEach((item, i) => {
          const label = block.ordered ? `${i + 1}.` : '•';
          ensureSpace(pdf.heightOfString(item, { width: CONTENT_WIDTH - 18 }));
          const y = pdf.y;
          const li = el('LI');
          list.add(li);
          li.add(el('Lbl', () => pdf.fillColor('#1a1a1a').text(label, PAGE.margin, y, { width: 16 })));
          li.add(el('LBody', () => pdf.text(item, PAGE.margin + 18, y, { width: CONTENT_WIDTH - 18 })));
          li.end();
          pdf.moveDown(0.2);
        });
        list.end();
        pdf.x = PAGE.margin;
        pdf.moveDown(0.3);
        return;
      }
      case 'toc': {
        para('Inhoud', { font: FONT.bold, size: 16, color, type: 'H2' });
        tocStruct = el('TOC');
        root.add(tocStruct);
        pdf.font(FONT.regular).fontSize(10.5);
        for (const h of headings) {
          ensureSpace(14);
          const y = pdf.y;
          const indent = h.level === 1 ? 0 : 16;
          const item = el('TOCI');
          tocStruct.add(item);
          item.add(() => pdf.fillColor('#1a1a1a').text(h.text, PAGE.margin + indent, y, { width: CONTENT_WIDTH - indent - 40 }));
          tocEntries.push({ index: h.index, item, page: currentPage(), y });
          pdf.y = Math.max(pdf.y, y + 14);
        }
        pdf.x = PAGE.margin;
        pdf.addPage();
        return;
      }
      case 'table':
        table(block.caption, block.header, block.rows, block.numeric);
        return;
      case 'fields':
        table(null, ['Gegeven', 'Waarde'], block.rows.map((r) => [{ text: r.label, bold: true }, r.value]), [false, false], true);
        return;
      case 'chart': {
        const scale = CONTENT_WIDTH / CHART_WIDTH;
        ensureSpace(CHART_HEIGHT * scale + 30);
        const top = pdf.y;
        root.add(el('Figure', { alt: block.alt }, () => drawSvg(pdf, trajectoryChart(block.chart, block.alt), PAGE.margin, top, scale)));
        pdf.y = top + CHART_HEIGHT * scale + 4;
        para(block.caption, { size: 9, color: '#404040', type: 'Caption' });
        return;
      }
      case 'map': {
        const tree = areaMap(block.map, block.alt);
        const scale = CONTENT_WIDTH / MAP_WIDTH;
        const height = Number(tree.attrs.height) * scale;
        ensureSpace(height + 30);
        const top = pdf.y;
        root.add(el('Figure', { alt: block.alt }, () => drawSvg(pdf, tree, PAGE.margin, top, scale)));
        pdf.y = top + height + 4;
        para(block.caption, { size: 9, color: '#404040', type: 'Caption' });
        return;
      }
      case 'signature':
        ensureSpace(140);
        pdf.moveDown(1.5);
        para(block.closing, { gap: 2 });
        for (const s of block.signers) para(s.name ? `${s.role}\n${s.name}` : s.role, { gap: 2 });
        return;
    }
  }

  /** A table with a header row (TH, scope column) repeated at the top of every page it runs onto. */
  function table(caption: string | null, header: string[], rows: TableCell[][], numeric: boolean[], headerless = false) {
    const cols = header.length;
    // 9 pt; a table with many columns of long words gets smaller type rather than words split in two.
    let size = 9;
    let widths = columnWidths(header, rows, numeric, size);
    while (!widths.fits && size > 7) {
      size -= 0.5;
      widths = columnWidths(header, rows, numeric, size);
    }
    const padding = 4;
    const cell = (c: TableCell) => (typeof c === 'string' ? { text: c, bold: false } : { text: c.text, bold: c.bold ?? false });
    const rowHeight = (cells: { text: string; bold: boolean }[]) =>
      Math.max(...cells.map((c, i) => pdf.font(c.bold ? FONT.bold : FONT.regular).fontSize(size).heightOfString(c.text || ' ', { width: (widths[i] ?? 40) - 2 * padding }))) + 2 * padding;
    if (caption) ensureSpace(60);
    const tableStruct = el('Table');
    root.add(tableStruct);
    if (caption) {
      tableStruct.add(el('Caption', () => pdf.font(FONT.bold).fontSize(10).fillColor('#1a1a1a').text(caption, PAGE.margin, pdf.y, { width: CONTENT_WIDTH })));
      pdf.moveDown(0.2);
    }
    const drawRow = (cells: { text: string; bold: boolean }[], isHeader: boolean, artifact: boolean) => {
      const h = rowHeight(cells);
      const y = pdf.y;
      pdf.markContent('Artifact');
      if (isHeader) pdf.rect(PAGE.margin, y, CONTENT_WIDTH, h).fill(color);
      pdf.lineWidth(0.5).strokeColor('#bfbfbf');
      let x = PAGE.margin;
      for (let i = 0; i < cols; i += 1) {
        pdf.rect(x, y, widths[i] ?? 40, h).stroke();
        x += widths[i] ?? 40;
      }
      pdf.endMarkedContent();
      const drawText = (c: { text: string; bold: boolean }, i: number, cx: number) => () =>
        pdf
          .font(c.bold || isHeader ? FONT.bold : FONT.regular)
          .fontSize(size)
          .fillColor(isHeader ? '#ffffff' : '#1a1a1a')
          .text(c.text, cx + padding, y + padding, { width: (widths[i] ?? 40) - 2 * padding, align: numeric[i] ? 'right' : 'left' });
      if (artifact) {
        pdf.markContent('Artifact');
        let cx = PAGE.margin;
        cells.forEach((c, i) => {
          drawText(c, i, cx)();
          cx += widths[i] ?? 40;
        });
        pdf.endMarkedContent();
      } else {
        const tr = el('TR');
        tableStruct.add(tr);
        let cx = PAGE.margin;
        cells.forEach((c, i) => {
          tr.add(el(isHeader ? 'TH' : 'TD', isHeader ? { scope: 'Column' } : {}, drawText(c, i, cx)));
          cx += widths[i] ?? 40;
        });
        tr.end();
      }
      pdf.x = PAGE.margin;
      pdf.y = y + h;
    };
    const headerCells = header.map((text) => ({ text, bold: true }));
    const bodyRows = rows.map((r) => r.map(cell));
    if (!headerless) {
      ensureSpace(rowHeight(headerCells) + (bodyRows[0] ? rowHeight(bodyRows[0]) : 0));
      drawRow(headerCells, true, false);
    }
    for (const row of bodyRows) {
      const h = rowHeight(row);
      if (pdf.y + h > PAGE.height - PAGE.bottom) {
        pdf.addPage();
        if (!headerless) drawRow(headerCells, true, true);
      }
      drawRow(row, false, false);
    }
    tableStruct.end();
    pdf.moveDown(0.8);
  }

  /**
   * Column widths from the text itself. Each column first gets what it cannot do without: a numeric column the
   * width of its widest figure (a figure is never broken over two lines), a text column its longest word (a
   * word is never split). The room left goes to the text columns, in proportion to how much more their text
   * would take on one line.
   */
  function columnWidths(header: string[], rows: TableCell[][], numeric: boolean[], size: number): number[] & { fits: boolean } {
    const textOf = (c: TableCell | undefined) => (c === undefined ? '' : typeof c === 'string' ? c : c.text);
    const widthOf = (text: string, bold: boolean) => pdf.font(bold ? FONT.bold : FONT.regular).fontSize(size).widthOfString(text) + 10;
    // A word that ends a line keeps the space after it: pdfkit carries a space that does not fit to the next
    // line, which then starts indented ("Ontvangen" / " op").
    const wordWidth = (word: string) => widthOf(`${word} `, true);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const texts = (i: number) => rows.map((r) => textOf(r[i]));
    // A short header of a numeric column stays on one line ("Dagen te laat", not three lines of one word).
    const headerWidth = (h: string, i: number) => (numeric[i] && widthOf(h, true) <= CONTENT_WIDTH * 0.2 ? widthOf(h, true) : Math.max(...h.split(/\s+/).map(wordWidth)));
    const natural = header.map((h, i) => Math.min(CONTENT_WIDTH, Math.max(headerWidth(h, i), ...texts(i).map((t) => widthOf(t, true)))));
    const minimum = header.map((h, i) => (numeric[i] ? Math.min(natural[i] ?? 0, CONTENT_WIDTH * 0.4) : Math.max(headerWidth(h, i), ...texts(i).flatMap((t) => t.split(/\s+/)).map(wordWidth))));
    const least = sum(minimum);
    const fitted = (widths: number[], fits: boolean) => Object.assign(widths, { fits });
    if (least >= CONTENT_WIDTH) return fitted(minimum.map((w) => (w * CONTENT_WIDTH) / least), false);
    const room = CONTENT_WIDTH - least;
    const wants = natural.map((w, i) => (numeric[i] ? 0 : Math.max(0, w - (minimum[i] ?? 0))));
    const wanted = sum(wants);
    if (wanted === 0) return fitted(minimum.map((w) => w + (room * w) / least), true);
    return fitted(minimum.map((w, i) => w + (room * (wants[i] ?? 0)) / wanted), true);
  }

  // The contents page's numbers, now that every heading has its page; each joins its entry's TOCI element.
  for (const entry of tocEntries) {
    pdf.switchToPage(entry.page);
    pdf.font(FONT.regular).fontSize(10.5).fillColor('#1a1a1a');
    entry.item.add(() => pdf.text(String(headingPages.get(entry.index) ?? ''), PAGE.margin + CONTENT_WIDTH - 36, entry.y, { width: 36, align: 'right', lineBreak: false }));
    entry.item.end();
  }
  (tocStruct as Struct | null)?.end();

  // Footers: the peildatum and page numbers on every page, as artifacts.
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    pdf.switchToPage(i);
    // The footer lies in the bottom margin: without this pdfkit would start a new page for it.
    pdf.page.margins.bottom = 0;
    pdf.markContent('Artifact');
    pdf.font(FONT.regular).fontSize(8).fillColor('#404040');
    pdf.text(`${report.title} · peildatum ${dutchDate(report.peildatum)} · pagina ${i + 1} van ${range.count}`, PAGE.margin, PAGE.height - 44, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
    pdf.endMarkedContent();
  }
  root.end();
  pdf.end();
  return done;
}

/** Draws the chart's SVG tree with pdfkit's vector operations (the few elements chart.ts uses). */
function drawSvg(pdf: Doc, node: SvgNode, ox: number, oy: number, scale: number) {
  const n = (key: string) => Number(node.attrs[key] ?? 0) * scale;
  const stroke = () => {
    const dash = node.attrs['stroke-dasharray'];
    pdf.lineWidth(Number(node.attrs['stroke-width'] ?? 1) * scale).strokeColor(String(node.attrs.stroke ?? '#000'));
    if (dash) {
      const [a, b] = String(dash).split(' ').map(Number);
      pdf.dash((a ?? 4) * scale, { space: (b ?? 3) * scale });
    } else pdf.undash();
    pdf.stroke();
    pdf.undash();
  };
  switch (node.tag) {
    case 'svg':
    case 'g':
      for (const child of node.children ?? []) if (typeof child !== 'string') drawSvg(pdf, child, ox, oy, scale);
      return;
    case 'title':
      return;
    case 'line':
      pdf.moveTo(ox + n('x1'), oy + n('y1')).lineTo(ox + n('x2'), oy + n('y2'));
      stroke();
      return;
    case 'polyline': {
      const points = String(node.attrs.points)
        .split(' ')
        .map((p) => p.split(',').map(Number) as [number, number]);
      points.forEach(([x, y], i) => (i === 0 ? pdf.moveTo(ox + x * scale, oy + y * scale) : pdf.lineTo(ox + x * scale, oy + y * scale)));
      stroke();
      return;
    }
    case 'circle':
      pdf.circle(ox + n('cx'), oy + n('cy'), n('r')).fill(String(node.attrs.fill ?? '#000'));
      return;
    case 'rect':
      pdf.rect(ox + n('x'), oy + n('y'), n('width'), n('height'));
      if (node.attrs.stroke) pdf.lineWidth(Number(node.attrs['stroke-width'] ?? 1) * scale).fillAndStroke(String(node.attrs.fill ?? '#000'), String(node.attrs.stroke));
      else pdf.fill(String(node.attrs.fill ?? '#000'));
      return;
    case 'path': {
      // The path data is in SVG units: drawn under a transform, so the line width scales with it too.
      const rule = node.attrs['fill-rule'] === 'evenodd' ? 'even-odd' : 'non-zero';
      pdf.save().translate(ox, oy).scale(scale).path(String(node.attrs.d));
      const fill = node.attrs.fill && node.attrs.fill !== 'none' ? String(node.attrs.fill) : null;
      if (node.attrs.stroke) pdf.lineWidth(Number(node.attrs['stroke-width'] ?? 1)).lineJoin('round').strokeColor(String(node.attrs.stroke));
      if (fill && node.attrs.stroke) pdf.fillColor(fill).fillAndStroke(fill, String(node.attrs.stroke), rule);
      else if (fill) pdf.fill(fill, rule);
      else if (node.attrs.stroke) pdf.stroke();
      pdf.restore();
      return;
    }
    case 'text': {
      const text = (node.children ?? []).filter((c): c is string => typeof c === 'string').join('');
      const size = Number(node.attrs['font-size'] ?? 11) * scale;
      pdf.font(node.attrs['font-weight'] === 'bold' ? FONT.bold : FONT.regular).fontSize(size).fillColor(String(node.attrs.fill ?? '#333'));
      const width = pdf.widthOfString(text);
      const anchor = node.attrs['text-anchor'];
      const x = ox + n('x') - (anchor === 'end' ? width : anchor === 'middle' ? width / 2 : 0);
      pdf.text(text, x, oy + n('y') - size * 0.85, { lineBreak: false });
      return;
    }
  }
}
