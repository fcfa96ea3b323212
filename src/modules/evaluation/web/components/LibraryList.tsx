import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../platform/web/i18n/format';
import type { LibraryFactor } from '../../contract';

/** Where a library factor came from, in one line. */
export function useFactorOrigin() {
  const { t, i18n } = useTranslation();
  return (factor: LibraryFactor): string =>
    factor.origin.type === 'evaluation'
      ? t('evaluation:library.fromEvaluation', { evaluation: factor.origin.evaluationTitle, programme: factor.origin.programmeName, date: formatDate(factor.origin.date, i18n.language) })
      : t('evaluation:library.fromDocument', { source: factor.origin.source });
}

/** Library factors as a list; `action` adds a control per factor (adopt into an evaluation). */
export function LibraryList({ items, action }: { items: readonly LibraryFactor[]; action?: (factor: LibraryFactor) => ReactNode }) {
  const { t } = useTranslation();
  const origin = useFactorOrigin();
  if (items.length === 0) return <p className="utrecht-paragraph">{t('evaluation:library.empty')}</p>;
  return (
    <ul className="wr-evaluation-factors">
      {items.map((factor) => (
        <li key={factor.id} className={`wr-evaluation-factor wr-evaluation-factor--${factor.kind}`}>
          <p className="wr-evaluation-factor__title">
            <span className="wr-tag">{t(`evaluation:factors.${factor.kind}`)}</span> <strong>{factor.title}</strong>
            {factor.origin.type === 'evaluation' && factor.origin.isDemo ? <span className="wr-tag">{t('evaluation:library.example')}</span> : null}
          </p>
          <p className="utrecht-paragraph">{factor.explanation}</p>
          <p className="utrecht-paragraph wr-muted">
            {origin(factor)}
            {factor.criterionTitle ? ` · ${t('evaluation:library.criterion', { criterion: factor.criterionTitle })}` : ''}
          </p>
          {action ? action(factor) : null}
        </li>
      ))}
    </ul>
  );
}
