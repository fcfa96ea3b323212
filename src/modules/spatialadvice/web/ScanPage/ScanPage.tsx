import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { formatDate } from '../../../../platform/web/i18n/format';
import { THEMES } from '../../contract';
import { AdviceMap } from '../components/AdviceMap';
import { useScan } from '../spatial-api';
import '../spatialadvice.css';
import { AdviceSection } from './AdviceSection';
import { ItemScores } from './ItemScores';
import { Participants } from './Participants';

/** One omgevingsscan: the place, who scores from which discipline, the checklist per theme, the advice. */
export default function ScanPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const scan = useScan(id);
  const data = scan.data;
  // Scoring stops once the advice is signed; the server says whether the caller takes part.
  const ownParticipantId = data && !data.advice && data.can.score ? data.can.participantId : null;
  return (
    <Page title={data ? t('spatialadvice:scan.title', { place: data.trigger.placeName }) : t('spatialadvice:list.title')} lead={t('spatialadvice:scan.lead')}>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a" to="/veiligheidsadvies">
          {t('spatialadvice:scan.back')}
        </Link>
      </p>
      <QueryState isPending={scan.isPending} error={scan.error} />
      {data ? (
        <>
          {data.trigger.isDemo ? (
            <Alert type="warning" heading={t('spatialadvice:scan.illustrativeHeading')}>
              <p className="utrecht-paragraph">{t('spatialadvice:scan.illustrativeText')}</p>
            </Alert>
          ) : null}
          <p className="utrecht-paragraph">
            {t(`spatialadvice:kinds.${data.trigger.kind}`)} · {data.trigger.areaName}
            {data.trigger.description ? ` · ${data.trigger.description}` : ''}
          </p>
          <p className="utrecht-paragraph wr-muted">{t('spatialadvice:scan.facts', { version: data.template.version, date: formatDate(data.startedAt, i18n.language) })}</p>
          <AdviceMap triggers={[data.trigger]} small />
          <Participants scan={data} />
          <Section title={t('spatialadvice:scan.checklist')} id="sa-checklist">
            {THEMES.map((theme) => {
              const items = data.template.items.filter((item) => item.theme === theme);
              if (items.length === 0) return null;
              return (
                <section key={theme} aria-labelledby={`sa-theme-${theme}`}>
                  <h3 className="utrecht-heading-3" id={`sa-theme-${theme}`}>
                    {t(`spatialadvice:themes.${theme}`)}
                  </h3>
                  <ul className="wr-sa-scores">
                    {items.map((item) => (
                      <ItemScores key={item.id} scan={data} item={item} ownParticipantId={ownParticipantId} />
                    ))}
                  </ul>
                </section>
              );
            })}
          </Section>
          <AdviceSection scan={data} />
        </>
      ) : null}
    </Page>
  );
}
