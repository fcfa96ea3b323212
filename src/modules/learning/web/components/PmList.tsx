import { useTranslation } from 'react-i18next';
import type { Line } from '../../contract';

/** PM items: effects that are not put into money. Shown beside the balance, never added to it. */
export function PmList({ items }: { items: readonly Line[] }) {
  const { t } = useTranslation();
  return (
    <aside className="wr-mkba-pm" aria-label={t('learning:pm.heading')}>
      <p className="utrecht-paragraph">
        <strong>{t('learning:pm.heading')}</strong>
      </p>
      {items.length === 0 ? (
        <p className="utrecht-paragraph wr-muted">{t('learning:pm.none')}</p>
      ) : (
        <ul className="utrecht-unordered-list">
          {items.map((item) => (
            <li key={item.id} className="utrecht-unordered-list__item">
              {item.description} <span className="wr-muted">({t(`learning:kinds.${item.kind}`)}, {t(`learning:actors.${item.actor}`)}, {item.year})</span>
            </li>
          ))}
        </ul>
      )}
      <p className="utrecht-paragraph wr-muted">{t('learning:pm.explained')}</p>
    </aside>
  );
}
