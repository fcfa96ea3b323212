import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Alert } from '../../../platform/web/components/Alert';
import { Page, Section } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { Table } from '../../../platform/web/components/Table';
import type { MkbaPayload } from '../contract';
import { useReceived } from './circle-api';
import { CircleNav } from './components/CircleNav';
import { ReceivedEvaluation } from './components/ReceivedEvaluation';
import { formatDay, formatNumber } from './format';
import './circle.css';

function MkbaView({ mkba }: { mkba: MkbaPayload }) {
  const { t, i18n } = useTranslation();
  const euro = (cents: number) => (cents / 100).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  return (
    <>
      {mkba.isIllustrative ? <Alert type="info" heading={t('circle:illustrativeHeading')}>{t('circle:received.mkbaIllustrative')}</Alert> : null}
      <p className="utrecht-paragraph">{t('circle:received.mkbaFacts', { area: mkba.areaName, from: mkba.baseYear, to: mkba.baseYear + mkba.horizonYears, rate: formatNumber(mkba.discountRate, i18n.language) })}</p>
      <Table
        caption={t('circle:received.mkbaCaption')}
        rows={mkba.alternatives}
        rowKey={(a) => a.name}
        columns={[
          { key: 'name', header: t('circle:received.alternative'), rowHeader: true, render: (a) => a.name },
          { key: 'costs', header: t('circle:received.pvCosts'), numeric: true, render: (a) => euro(a.pvCostsCents) },
          { key: 'benefits', header: t('circle:received.pvBenefits'), numeric: true, render: (a) => euro(a.pvBenefitsCents) },
          { key: 'ncw', header: t('circle:received.ncw'), numeric: true, render: (a) => euro(a.ncwCents) },
          { key: 'bc', header: t('circle:received.bc'), numeric: true, render: (a) => (a.benefitCostRatio === null ? '–' : formatNumber(a.benefitCostRatio, i18n.language)) },
          { key: 'irr', header: t('circle:received.irr'), numeric: true, render: (a) => (a.irrPercent === null ? '–' : `${formatNumber(a.irrPercent, i18n.language)} %`) },
          { key: 'pm', header: t('circle:received.pm'), render: (a) => a.pmItems.join('; ') || '–' },
        ]}
      />
    </>
  );
}

/** One item received from a member. Opening it is recorded in the audit log. */
export default function ReceivedPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const item = useReceived(id);
  const d = item.data;
  return (
    <Page title={d?.title ?? t('circle:received.item')} lead={d ? t('circle:received.from', { member: d.memberName, kind: t(`circle:kinds.${d.kind}`) }) : undefined}>
      <CircleNav />
      <QueryState isPending={item.isPending} error={item.error} onRetry={() => void item.refetch()} />
      {d ? (
        <Section title={t('circle:received.content')} id="circle-received-item">
          {d.lesson ? (
            <>
              {d.lesson.isIllustrative ? <Alert type="info" heading={t('circle:illustrativeHeading')}>{t('circle:received.lessonIllustrative', { member: d.memberName })}</Alert> : null}
              <p className="utrecht-paragraph">{d.lesson.text}</p>
              <p className="utrecht-paragraph wr-muted">
                {t('circle:received.lessonFacts', { theme: d.lesson.theme, area: d.lesson.areaName ?? '–' })}
                {d.lesson.tags.length ? ` · ${d.lesson.tags.join(', ')}` : ''}
              </p>
              {d.lesson.meeting ? <p className="utrecht-paragraph">{t('circle:received.lessonMeeting', { date: formatDay(d.lesson.meeting.heldOn, i18n.language), host: d.lesson.meeting.hostMunicipality, part: t(`circle:parts.${d.lesson.meeting.part}`) })}</p> : null}
            </>
          ) : null}
          {d.mkba ? <MkbaView mkba={d.mkba} /> : null}
          {d.evaluation ? <ReceivedEvaluation evaluation={d.evaluation} memberName={d.memberName} /> : null}
          {d.trend ? <p className="utrecht-paragraph">{t('circle:received.trend', { member: d.memberName, name: d.trend.indicatorName, from: d.trend.years[0] ?? '–', to: d.trend.years.at(-1) ?? '–' })}</p> : null}
        </Section>
      ) : null}
    </Page>
  );
}
