import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import type { MkbaDetail } from '../../contract';
import { AlternativeSection } from '../components/AlternativeSection';
import { MkbaError } from '../components/MkbaError';
import { MkbaResults } from '../components/MkbaResults';
import { RateForm } from '../components/RateForm';
import { SettingsForm } from '../components/SettingsForm';
import { formatPercent } from '../format';
import { useMkba, useMkbaChange, useMkbaResult } from '../mkba-api';
import '../learning.css';

function AddAlternativeForm({ mkbaId }: { mkbaId: string }) {
  const { t } = useTranslation();
  const change = useMkbaChange(mkbaId);
  const [name, setName] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!name.trim());
    if (!name.trim()) return;
    change.mutate({ method: 'POST', path: `/api/v1/mkbas/${mkbaId}/alternatives`, body: { name } }, { onSuccess: () => setName('') });
  };
  return (
    <form onSubmit={submit} noValidate className="wr-form wr-mkba-inline-form">
      <MkbaError error={change.error} />
      <TextField id="alternative-name" label={t('learning:alternative.name')} value={name} onChange={(event) => setName(event.target.value)} error={missing ? t('learning:form.required') : undefined} />
      <Button type="submit" busy={change.isPending}>
        {t('learning:alternative.add')}
      </Button>
    </form>
  );
}

function Facts({ mkba }: { mkba: MkbaDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="wr-mkba-facts">
      <dt>{t('learning:detail.area')}</dt>
      <dd>{mkba.areaName}</dd>
      <dt>{t('learning:detail.period')}</dt>
      <dd>{t('learning:detail.periodValue', { from: mkba.baseYear, to: mkba.baseYear + mkba.horizonYears, count: mkba.horizonYears })}</dd>
      <dt>{t('learning:rate.label')}</dt>
      <dd data-testid="rate">{formatPercent(mkba.discountRate, i18n.language)}</dd>
      {mkba.rateJustification ? (
        <>
          <dt>{t('learning:rate.justification')}</dt>
          <dd>{mkba.rateJustification}</dd>
        </>
      ) : null}
      <dt>{t('learning:detail.nullAlternative')}</dt>
      <dd>{mkba.nullAlternative}</dd>
    </dl>
  );
}

/** The whole MKBA as a Word or PDF document, made by the server as it stands now (plain links: the browser downloads). */
function ReportDownloads({ mkbaId }: { mkbaId: string }) {
  const { t } = useTranslation();
  const url = (format: 'docx' | 'pdf') => `/api/v1/mkbas/${encodeURIComponent(mkbaId)}/report.${format}`;
  return (
    <>
      <p className="utrecht-paragraph">{t('learning:report.explained')}</p>
      <div className="wr-button-group utrecht-button-group">
        <a className="utrecht-button utrecht-button--secondary-action wr-button-link" href={url('docx')} download>
          {t('learning:report.docx')}
        </a>
        <a className="utrecht-button utrecht-button--secondary-action wr-button-link" href={url('pdf')} download>
          {t('learning:report.pdf')}
        </a>
      </div>
    </>
  );
}

/** One MKBA: its settings, alternatives with their lines, and the results. */
export default function MkbaPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canManage = hasPermission(user, 'mkba.manage');
  const mkba = useMkba(id);
  const result = useMkbaResult(id);
  return (
    <Page title={mkba.data?.name ?? t('learning:detail.title')} lead={t('learning:detail.lead')}>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a" to="/mkba">
          {t('learning:detail.back')}
        </Link>
      </p>
      <QueryState isPending={mkba.isPending} error={mkba.error} onRetry={() => void mkba.refetch()} />
      {mkba.data ? (
        <>
          {mkba.data.isDemo ? (
            <Alert type="warning" heading={t('learning:demoHeading')}>
              <p className="utrecht-paragraph">{t('learning:demoExplained')}</p>
            </Alert>
          ) : null}
          <Section title={t('learning:detail.settings')} id="mkba-settings">
            <Facts mkba={mkba.data} />
            {canManage ? <SettingsForm mkba={mkba.data} /> : null}
            {canManage ? <RateForm key={`${mkba.data.discountRate}-${mkba.data.rateJustification ?? ''}`} mkba={mkba.data} /> : null}
          </Section>
          <Section title={t('learning:result.heading')} id="mkba-result">
            <QueryState isPending={result.isPending} error={result.error} onRetry={() => void result.refetch()} />
            {result.data ? <MkbaResults result={result.data} /> : null}
          </Section>
          <Section title={t('learning:report.heading')} id="mkba-report">
            <ReportDownloads mkbaId={mkba.data.id} />
          </Section>
          <Section title={t('learning:alternative.heading')} id="mkba-alternatives">
            <p className="utrecht-paragraph">{t('learning:alternative.explained')}</p>
            {mkba.data.alternatives.map((alternative) => (
              <AlternativeSection key={alternative.id} mkba={mkba.data} alternative={alternative} result={result.data?.alternatives.find((a) => a.alternativeId === alternative.id)} canManage={canManage} />
            ))}
            {canManage ? <AddAlternativeForm mkbaId={mkba.data.id} /> : null}
          </Section>
        </>
      ) : null}
    </Page>
  );
}
