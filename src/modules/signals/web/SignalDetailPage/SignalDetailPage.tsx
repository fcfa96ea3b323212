import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../../../platform/web/api-client';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary } from '../../../../platform/web/components/ErrorSummary';
import { TextAreaField, TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { Table } from '../../../../platform/web/components/Table';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import type { Signal } from '../../contract';
import { ConfidentialityTag, SyntheticNotice } from '../components/SyntheticNotice';
import { categoryName, formatDate, formatDateTime, regimeName, useSignal, useTaxonomy } from '../signals-api';
import '../signals.css';
import { fieldMessages } from '../../../../platform/web/i18n/field-error-message';

function Identities({ id }: { id: string }) {
  const { t } = useTranslation();
  const reveal = useMutation({ mutationFn: () => api.get<{ items: { pseudonym: string; kind: string; reference: string }[] }>(`/api/v1/signals/${id}/identities`) });
  return (
    <Section title={t('signals:detail.identities')}>
      <p className="utrecht-paragraph">{t('signals:detail.identitiesHint')}</p>
      {reveal.data ? (
        <Table
          caption={t('signals:detail.identities')}
          captionHidden
          columns={[
            { key: 'ref', header: t('signals:detail.reference'), rowHeader: true, render: (i) => i.reference },
            { key: 'kind', header: t('signals:detail.kind'), render: (i) => t(`signals:kind.${i.kind}`) },
            { key: 'p', header: t('signals:detail.pseudonym'), render: (i) => <span className="wr-signals-mono">{i.pseudonym.slice(0, 16)}…</span> },
          ]}
          rows={reveal.data.items}
          rowKey={(i) => i.pseudonym}
          empty={t('signals:detail.noSubjects')}
        />
      ) : (
        <Button onClick={() => reveal.mutate()} busy={reveal.isPending}>
          {t('signals:detail.reveal')}
        </Button>
      )}
      <ErrorSummary error={reveal.error} />
    </Section>
  );
}

function ExtendRetention({ signal }: { signal: Signal }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const extend = useMutation({
    mutationFn: () => api.post(`/api/v1/signals/${signal.id}/retention`, { retentionUntil: until, reason }),
    onSuccess: async () => {
      setUntil('');
      setReason('');
      await queryClient.invalidateQueries({ queryKey: ['signals'] });
    },
  });
  const errors = fieldMessages(extend.error, t, i18n.language);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    extend.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="wr-signals-retention-form">
      <Section title={t('signals:retention.extend')} headingLevel={3}>
        <ErrorSummary error={extend.error} />
        {extend.isSuccess ? <Alert type="ok">{t('signals:retention.extended')}</Alert> : null}
        <TextField label={t('signals:retention.newDate')} type="date" value={until} onChange={(e) => setUntil(e.target.value)} error={errors.retentionUntil} />
        <TextAreaField label={t('signals:retention.reason')} description={t('signals:retention.reasonHint')} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
        <Button type="submit" busy={extend.isPending}>
          {t('signals:retention.save')}
        </Button>
      </Section>
    </form>
  );
}

/** One signal: what, where, on which basis, who (as pseudonyms), how long it is kept, and its cases. */
export default function SignalDetailPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();
  const taxonomy = useTaxonomy();
  const signal = useSignal(id);
  const s = signal.data;
  return (
    <Page title={s ? `${categoryName(taxonomy.data, s.category, i18n.language)} – ${s.areaName ?? s.areaCode}` : t('signals:detail.title')} lead={<Link className="utrecht-link utrecht-link--html-a" to="/signalen">{t('signals:detail.back')}</Link>}>
      <QueryState isPending={signal.isPending} error={signal.error} />
      {s ? (
        <>
          {(location.state as { created?: boolean } | null)?.created ? <Alert type="ok">{t('signals:detail.created')}</Alert> : null}
          <SyntheticNotice shown={s.isDemo} />
          <div className="wr-signals-layout">
            <Section title={t('signals:detail.facts')}>
              <dl className="wr-signals-dl">
                <dt>{t('signals:fields.occurredAt')}</dt>
                <dd>{formatDateTime(s.occurredAt, i18n.language)}</dd>
                <dt>{t('signals:fields.buurt')}</dt>
                <dd>
                  {s.areaName ?? s.areaCode} <span className="wr-code">({s.areaCode})</span>
                </dd>
                {s.location.address ? (
                  <>
                    <dt>{t('signals:fields.address')}</dt>
                    <dd>{s.location.address}</dd>
                  </>
                ) : null}
                {s.location.lon !== null ? (
                  <>
                    <dt>{t('signals:detail.point')}</dt>
                    <dd>
                      {s.location.lat?.toFixed(5)}, {s.location.lon.toFixed(5)}
                    </dd>
                  </>
                ) : null}
                <dt>{t('signals:fields.description')}</dt>
                <dd>{s.description}</dd>
                {Object.entries(s.details).map(([name, value]) => (
                  <div key={name} style={{ display: 'contents' }}>
                    <dt>{t(`signals:details.${name}`, { defaultValue: name })}</dt>
                    <dd>{String(value)}</dd>
                  </div>
                ))}
                <dt>{t('signals:fields.source')}</dt>
                <dd>{s.sourceOrganisation.name}</dd>
                <dt>{t('signals:fields.legalRegime')}</dt>
                <dd>{regimeName(taxonomy.data, s.legalRegime, i18n.language)}</dd>
                <dt>{t('signals:fields.purpose')}</dt>
                <dd>{s.purpose}</dd>
                <dt>{t('signals:fields.confidentiality')}</dt>
                <dd>
                  <ConfidentialityTag level={s.confidentiality} />
                </dd>
                <dt>{t('signals:fields.retentionUntil')}</dt>
                <dd>{formatDate(s.retentionUntil, i18n.language)}</dd>
              </dl>
            </Section>
            <div>
              <Section title={t('signals:detail.subjects')}>
                {s.subjects.length ? (
                  <ul className="utrecht-unordered-list">
                    {s.subjects.map((subject) => (
                      <li key={subject.pseudonym} className="utrecht-unordered-list__item">
                        {t(`signals:kind.${subject.kind}`)}: <span className="wr-signals-mono">{subject.pseudonym.slice(0, 16)}…</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="utrecht-paragraph">{t('signals:detail.noSubjects')}</p>
                )}
                <p className="utrecht-paragraph">{t('signals:detail.pseudonymHint')}</p>
              </Section>
              {hasPermission(user, 'signal_identities.read') && s.subjects.length ? <Identities id={s.id} /> : null}
              <Section title={t('signals:detail.cases')}>
                {s.caseIds.length ? (
                  <ul className="utrecht-unordered-list">
                    {s.caseIds.map((caseId, index) => (
                      <li key={caseId} className="utrecht-unordered-list__item">
                        <Link className="utrecht-link utrecht-link--html-a" to={`/casussen/${caseId}`}>{t('signals:detail.caseLink', { n: index + 1 })}</Link>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="utrecht-paragraph">{t('signals:detail.noCases')}</p>
                )}
              </Section>
              <Section title={t('signals:retention.heading')}>
                {s.retentionExtensions.length ? (
                  <Table
                    caption={t('signals:retention.history')}
                    columns={[
                      { key: 'at', header: t('signals:retention.decidedAt'), rowHeader: true, render: (e) => formatDateTime(e.decidedAt, i18n.language) },
                      { key: 'from', header: t('signals:retention.from'), render: (e) => formatDate(e.previousUntil, i18n.language) },
                      { key: 'to', header: t('signals:retention.to'), render: (e) => formatDate(e.newUntil, i18n.language) },
                      { key: 'reason', header: t('signals:retention.reason'), render: (e) => e.reason },
                    ]}
                    rows={s.retentionExtensions}
                    rowKey={(e) => e.decidedAt}
                    compact
                  />
                ) : (
                  <p className="utrecht-paragraph">{t('signals:retention.none', { date: formatDate(s.retentionUntil, i18n.language) })}</p>
                )}
                {hasPermission(user, 'signal_retention.extend') ? <ExtendRetention signal={s} /> : null}
              </Section>
            </div>
          </div>
        </>
      ) : null}
    </Page>
  );
}
