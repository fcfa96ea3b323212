import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';
import type { ProfileItem } from '../../contract';

/**
 * Says in plain words when the figures of the shown year are not simply this area's own: carried across a
 * boundary change (a crosswalk), or sitting on the boundaries of an earlier year.
 */
export function ProfileBreakNotes({ items, period }: { items: readonly ProfileItem[]; period: number | null }) {
  const { t } = useTranslation();
  if (period === null) return null;
  const changes = items.flatMap((item) => (item.basis?.kind === 'crosswalk' ? [item.basis.year] : []));
  const older = items.flatMap((item) => (item.basis?.kind === 'older_boundaries' ? [item.basis.year] : []));
  const change = changes.length ? Math.max(...changes) : null;
  return (
    <>
      {change !== null ? (
        <Alert type="info" heading={t('indicators:profile.breakHeading', { year: change })}>
          <p className="utrecht-paragraph">{t(period < change ? 'indicators:profile.breakBefore' : 'indicators:profile.breakAfter', { year: change, period })}</p>
        </Alert>
      ) : null}
      {older.length ? <p className="utrecht-paragraph wr-muted wr-break-note">{t('indicators:profile.olderBoundaries', { period, year: Math.min(...older) })}</p> : null}
    </>
  );
}
