import { useTranslation } from 'react-i18next';
import { Section } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { WORKLIST_SECTIONS, type WorklistSection } from '../contract';
import { useWorklist } from './worklist-api';
import { WorklistRow } from './WorklistRow';
import './worklist.css';

const SECTION_IDS: Record<WorklistSection, string> = {
  overdue: 'worklist-overdue',
  upcoming: 'worklist-upcoming',
  waiting: 'worklist-waiting',
  signals: 'worklist-signals',
  recent: 'worklist-recent',
};

/** The start page's worklist: one section per kind of attention, each row a link to the thing. */
export function WorklistPanel() {
  const { t } = useTranslation();
  const worklist = useWorklist();
  const items = worklist.data?.items ?? [];
  return (
    <div className="wr-worklist">
      <QueryState isPending={worklist.isPending} error={worklist.error} onRetry={() => void worklist.refetch()} />
      {worklist.data ? (
        <>
          {items.length === 0 ? <p className="utrecht-paragraph wr-worklist__all-clear">{t('worklist:allClear')}</p> : null}
          {WORKLIST_SECTIONS.map((section) => {
            const rows = items.filter((i) => i.section === section);
            return (
              <Section key={section} id={SECTION_IDS[section]} title={t('worklist:section.heading', { title: t(`worklist:section.${section}.title`), count: rows.length })}>
                <p className="utrecht-paragraph wr-muted wr-worklist__lead">{t(`worklist:section.${section}.lead`, { days: worklist.data.horizonDays })}</p>
                {rows.length === 0 ? (
                  <p className="utrecht-paragraph wr-empty-note">{t(`worklist:section.${section}.empty`)}</p>
                ) : (
                  <ul className="wr-worklist__list">
                    {rows.map((item) => (
                      <WorklistRow key={item.key} item={item} />
                    ))}
                  </ul>
                )}
              </Section>
            );
          })}
        </>
      ) : null}
    </div>
  );
}
