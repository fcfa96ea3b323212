import { useId, type ReactNode } from 'react';
import { classNames } from './class-names';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  render: (row: Row) => ReactNode;
  numeric?: boolean;
  /** Header cell of the row (th scope="row"), usually the name column. */
  rowHeader?: boolean;
  className?: string;
}

interface TableProps<Row> {
  caption: ReactNode;
  /** Hide the caption visually when a heading right above already says the same. */
  captionHidden?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  empty?: ReactNode;
  rowClassName?: (row: Row) => string | undefined;
  /** Smaller type and padding, for wide tables such as the audit log. */
  compact?: boolean;
}

/** An NL Design System table that scrolls sideways on narrow screens instead of squeezing. */
export function Table<Row>({ caption, captionHidden = false, columns, rows, rowKey, empty, rowClassName, compact = false }: TableProps<Row>) {
  const captionId = useId();
  return (
    // Focusable, so keyboard users can scroll a wide table (WCAG 2.1.1).
    <div className="utrecht-table-container utrecht-table-container--overflow-inline wr-table-container" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={classNames('utrecht-table', 'utrecht-table--html-table', 'utrecht-table--alternate-row-color', 'wr-table', compact && 'wr-table--compact')}>
        <caption id={captionId} className={classNames('utrecht-table__caption', captionHidden && 'wr-visually-hidden')}>
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {columns.map((column) => (
              <th key={column.key} scope="col" className={classNames('utrecht-table__header-cell', column.numeric && 'utrecht-table__header-cell--numeric-column', column.className)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.length === 0 && empty ? (
            <tr className="utrecht-table__row">
              <td className="utrecht-table__cell wr-table__empty" colSpan={columns.length}>
                {empty}
              </td>
            </tr>
          ) : null}
          {rows.map((row) => (
            <tr key={rowKey(row)} className={classNames('utrecht-table__row', rowClassName?.(row))}>
              {columns.map((column) =>
                column.rowHeader ? (
                  <th key={column.key} scope="row" className={classNames('utrecht-table__header-cell', 'wr-table__row-header', column.className)}>
                    {column.render(row)}
                  </th>
                ) : (
                  <td key={column.key} className={classNames('utrecht-table__cell', column.numeric && 'utrecht-table__cell--numeric-column', column.className)}>
                    {column.render(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
