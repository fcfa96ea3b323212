import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../platform/web/components/Alert';
import { Button, ButtonGroup } from '../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../platform/web/components/ErrorSummary';
import { TextField } from '../../../platform/web/components/FormField';
import { Heading } from '../../../platform/web/components/Heading';
import { Section } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { fieldMessages, serverFieldLinks } from '../../../platform/web/i18n/field-error-message';
import { hasPermission, useCurrentUser } from '../../../platform/web/session';
import type { SettingChange } from '../contract';
import { useDecideThreshold, useFinanceSettings, useProposeThreshold } from './finance-api';
import { euroExact, parseEuroInput } from './money';

/**
 * The approval threshold on the approvals page: the amount in force, a proposed change that waits for a
 * second person (who is not the proposer), and for finance a form to propose a new one.
 */
export function ThresholdSection() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const settings = useFinanceSettings(true);
  const data = settings.data;
  return (
    <Section title={t('finance:threshold.heading')} id="threshold">
      <QueryState isPending={settings.isPending} error={settings.error} onRetry={() => void settings.refetch()} />
      {data ? (
        <>
          <p className="utrecht-paragraph">{t('finance:threshold.current', { amount: euroExact(data.approvalThresholdCents) })}</p>
          {data.pendingChange ? <PendingChange change={data.pendingChange} own={data.pendingChange.proposedById === user?.id} /> : <p className="utrecht-paragraph wr-fin-muted">{t('finance:threshold.noneWaiting')}</p>}
          {hasPermission(user, 'finance.manage') ? <ProposeForm currentCents={data.approvalThresholdCents} /> : null}
        </>
      ) : null}
    </Section>
  );
}

function PendingChange({ change, own }: { change: SettingChange; own: boolean }) {
  const { t, i18n } = useTranslation();
  const decide = useDecideThreshold();
  const [note, setNote] = useState('');
  return (
    <div className="wr-fin-queue__item">
      <p className="wr-fin-queue__title">{t('finance:threshold.waiting', { by: change.proposedBy, from: euroExact(change.fromCents), to: euroExact(change.toCents) })}</p>
      <p className="utrecht-paragraph">{t('finance:threshold.reason', { reason: change.reason })}</p>
      {own ? (
        <Alert type="info">{t('finance:threshold.own')}</Alert>
      ) : (
        <>
          <ErrorSummary error={decide.error} fields={serverFieldLinks(decide.error, t, i18n.language, { note: { id: 'threshold-note', label: t('finance:approvals.note') } })} />
          <TextField id="threshold-note" label={t('finance:approvals.note')} description={t('finance:approvals.noteHint')} value={note} onChange={(e) => setNote(e.target.value)} error={fieldMessages(decide.error, t, i18n.language).note} />
          <ButtonGroup>
            <Button appearance="primary" busy={decide.isPending} onClick={() => decide.mutate({ id: change.id, decision: 'approve', note })}>
              {t('finance:threshold.approve')}
            </Button>
            <Button appearance="secondary" danger busy={decide.isPending} onClick={() => decide.mutate({ id: change.id, decision: 'reject', note })}>
              {t('finance:threshold.reject')}
            </Button>
          </ButtonGroup>
        </>
      )}
    </div>
  );
}

function ProposeForm({ currentCents }: { currentCents: number }) {
  const { t } = useTranslation();
  const propose = useProposeThreshold();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrorLink[]>([]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const cents = parseEuroInput(amount);
    const found: FieldErrorLink[] = [];
    if (cents === null || cents < 0) found.push({ fieldId: 'threshold-amount', label: t('finance:threshold.amount'), message: t('finance:threshold.amountInvalid') });
    if (!reason.trim()) found.push({ fieldId: 'threshold-reason', label: t('finance:threshold.reasonLabel'), message: t('finance:threshold.reasonRequired') });
    setErrors(found);
    if (found.length || cents === null) return;
    propose.mutate({ approvalThresholdCents: cents, reason: reason.trim() }, { onSuccess: () => setReason('') });
  }

  return (
    <form className="wr-form wr-fin-form" onSubmit={submit} noValidate>
      <Heading level={3}>{t('finance:threshold.proposeHeading')}</Heading>
      <p className="utrecht-paragraph">{t('finance:threshold.proposeLead')}</p>
      <ErrorSummary error={propose.error} fields={errors} />
      {propose.isSuccess ? (
        <Alert type="ok" live="status">
          {t('finance:threshold.proposed', { amount: euroExact(currentCents) })}
        </Alert>
      ) : null}
      <TextField id="threshold-amount" label={t('finance:threshold.amount')} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} error={errors.find((e) => e.fieldId === 'threshold-amount')?.message} />
      <TextField id="threshold-reason" label={t('finance:threshold.reasonLabel')} value={reason} onChange={(e) => setReason(e.target.value)} error={errors.find((e) => e.fieldId === 'threshold-reason')?.message} />
      <Button type="submit" appearance="primary" busy={propose.isPending}>
        {t('finance:threshold.submit')}
      </Button>
    </form>
  );
}
