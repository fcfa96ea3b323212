import type { ReactNode } from 'react';

/** Label–value rows in the NL Design System data list, as other pages show key facts. */
export function Facts({ items }: { items: readonly (readonly [string, ReactNode] | null)[] }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows wr-data-list">
      {items.map((item) =>
        item ? (
          <div key={item[0]} className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">{item[0]}</dt>
            <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{item[1]}</dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}
