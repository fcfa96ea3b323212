import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../platform/web/api-client';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import '../signals.css';
import { fieldMessages } from '../../../../platform/web/i18n/field-error-message';

/** A data-subject request (inzageverzoek): every record about one person or group, as a JSON download. */
export default function SubjectExportPage() {
  const { t, i18n } = useTranslation();
  const [reference, setReference] = useState('');
  const [kind, setKind] = useState('person');
  const run = useMutation({ mutationFn: () => api.post<{ signals: unknown[]; cases: unknown[] }>('/api/v1/signals/subject-export', { reference, kind }) });
  const errors = fieldMessages(run.error, t, i18n.language);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run.mutate();
  };
  const text = run.data ? JSON.stringify(run.data, null, 2) : '';
  return (
    <Page title={t('signals:subject.title')} lead={t('signals:subject.lead')}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={run.error} />
        <SelectField label={t('signals:detail.kind')} value={kind} options={['person', 'group'].map((k) => ({ value: k, label: t(`signals:kind.${k}`) }))} onChange={(e) => setKind(e.target.value)} />
        <TextField label={t('signals:detail.reference')} description={t('signals:subject.referenceHint')} value={reference} onChange={(e) => setReference(e.target.value)} error={errors.reference} autoComplete="off" />
        <Button appearance="primary" type="submit" busy={run.isPending}>
          {t('signals:subject.run')}
        </Button>
      </form>
      {run.data ? (
        <Section title={t('signals:subject.result', { signals: run.data.signals.length, cases: run.data.cases.length })}>
          <a className="utrecht-button utrecht-button--secondary-action wr-button-link" href={`data:application/json;charset=utf-8,${encodeURIComponent(text)}`} download="inzageverzoek.json">
            {t('signals:subject.download')}
          </a>
          <pre className="wr-signals-pre" tabIndex={0}>
            {text}
          </pre>
        </Section>
      ) : null}
    </Page>
  );
}
