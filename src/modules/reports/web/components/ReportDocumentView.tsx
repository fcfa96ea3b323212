import { useTranslation } from 'react-i18next';
import type { Block, ReportDocument, TableCell } from '../../contract';
import { ChartSvg, MapSvg } from './ChartSvg';

/**
 * A report as accessible HTML, from the same document model as the DOCX and the PDF: real headings, tables
 * with a caption and column headers, lists, the charts as the same SVG with their alt text. The text is Dutch
 * (the documents go to the council), so the article says so with lang="nl" whatever the interface language.
 */

type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
/** A date as the documents write it in tables (31-12-2026): never broken at its hyphens. */
const SHORT_DATE = /^\d{2}-\d{2}-\d{4}$/;
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
/** "6 december 2026", as the documents write the peildatum (they are Dutch whatever the interface language). */
function dutchDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}
const cellText = (cell: TableCell) => (typeof cell === 'string' ? { text: cell, bold: false } : { text: cell.text, bold: cell.bold ?? false });

export function ReportDocumentView({ document, idPrefix }: { document: ReportDocument; idPrefix: string }) {
  // The document is Dutch whatever the interface language, its table of contents too.
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('nl');
  // The document's title is an h2 under the page's h1; its own headings follow without skipping a level.
  const levels = document.blocks.flatMap((b) => (b.type === 'heading' ? [b.level] : []));
  const top = levels.length ? Math.min(...levels) : 1;
  const tagOf = (level: number) => `h${Math.min(6, 3 + level - top)}` as HeadingTag;
  const anchor = (index: number) => `${idPrefix}-h${index}`;
  const tocEntries = document.blocks.flatMap((b, index) => (b.type === 'heading' && b.level <= top + 1 ? [{ index, text: b.text, level: b.level }] : []));

  const renderBlock = (block: Block, index: number) => {
    switch (block.type) {
      case 'heading': {
        const Tag = tagOf(block.level);
        return (
          <Tag key={index} id={anchor(index)} className={`utrecht-heading-${Math.min(6, 3 + block.level - top)} wr-report__heading`}>
            {block.text}
          </Tag>
        );
      }
      case 'paragraph':
        return (
          <p key={index} className={`utrecht-paragraph wr-report__paragraph wr-report__paragraph--${block.tone}`}>
            {block.text}
          </p>
        );
      case 'list': {
        const items = block.items.map((item, i) => <li key={i}>{item}</li>);
        return block.ordered ? (
          <ol key={index} className="utrecht-ordered-list">
            {items}
          </ol>
        ) : (
          <ul key={index} className="utrecht-unordered-list">
            {items}
          </ul>
        );
      }
      case 'toc':
        return (
          <nav key={index} className="wr-report__toc" aria-label={t('reports:document.contents')}>
            <p className="wr-report__toc-title">{t('reports:document.contents')}</p>
            <ul className="wr-report__toc-list">
              {tocEntries.map((entry) => (
                <li key={entry.index} className={entry.level > top ? 'wr-report__toc-sub' : undefined}>
                  <a className="utrecht-link utrecht-link--html-a" href={`#${anchor(entry.index)}`}>
                    {entry.text}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        );
      case 'table':
        return (
          <div key={index} className="utrecht-table-container utrecht-table-container--overflow-inline wr-table-container" role="region" aria-label={block.caption} tabIndex={0}>
            <table className="utrecht-table utrecht-table--html-table wr-table wr-report__table">
              <caption className="utrecht-table__caption">{block.caption}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  {block.header.map((h, i) => (
                    <th key={i} scope="col" className={`utrecht-table__header-cell${block.numeric[i] ? ' utrecht-table__header-cell--numeric-column' : ''}`}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {block.rows.map((row, r) => (
                  <tr key={r} className="utrecht-table__row">
                    {row.map((cell, i) => {
                      const { text, bold } = cellText(cell);
                      const keepTogether = block.numeric[i] || SHORT_DATE.test(text);
                      return (
                        <td key={i} className={`utrecht-table__cell${block.numeric[i] ? ' utrecht-table__cell--numeric-column' : ''}${keepTogether ? ' wr-nowrap' : ''}`}>
                          {bold ? <strong>{text}</strong> : text}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      case 'chart':
        return (
          <figure key={index} className="wr-report-chart">
            <ChartSvg chart={block.chart} alt={block.alt} />
            <figcaption className="wr-report-chart__caption">{block.caption}</figcaption>
          </figure>
        );
      case 'map':
        return (
          <figure key={index} className="wr-report-chart wr-report-map">
            <MapSvg map={block.map} alt={block.alt} />
            <figcaption className="wr-report-chart__caption">{block.caption}</figcaption>
          </figure>
        );
      case 'fields':
        return (
          <dl key={index} className="wr-report__fields">
            {block.rows.map((row, i) => (
              <div key={i} className="wr-report__field">
                <dt>{row.label}</dt>
                <dd>{row.value}</dd>
              </div>
            ))}
          </dl>
        );
      case 'signature':
        return (
          <div key={index} className="wr-report__signature">
            <p className="utrecht-paragraph">{block.closing}</p>
            {block.signers.map((s, i) => (
              <p key={i} className="utrecht-paragraph wr-report__signer">
                <span className="wr-report__signer-role">{s.role}</span>
                {s.name ? <span className="wr-report__signer-name">{s.name}</span> : null}
              </p>
            ))}
          </div>
        );
    }
  };

  return (
    <article className="wr-report" lang="nl" style={{ ['--wr-report-color' as string]: document.style.primaryColor }} aria-labelledby={`${idPrefix}-title`}>
      <header className="wr-report__masthead">
        {document.logo ? <img className="wr-report__logo" src={`data:image/png;base64,${document.logo.dataBase64}`} alt={document.logo.alt} /> : <p className="wr-report__municipality">{document.municipalityName}</p>}
        <h2 id={`${idPrefix}-title`} className="utrecht-heading-2 wr-report__title">
          {document.title}
        </h2>
        <p className="utrecht-paragraph wr-report__subtitle">{document.subtitle}</p>
        <p className="utrecht-paragraph wr-report__peildatum">Peildatum: {dutchDate(document.peildatum)}</p>
      </header>
      {document.blocks.map(renderBlock)}
    </article>
  );
}
