import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button, ButtonGroup } from '../../../../platform/web/components/Button';
import { ErrorSummary } from '../../../../platform/web/components/ErrorSummary';
import { TextAreaField, TextField } from '../../../../platform/web/components/FormField';
import { formatDateTime, formatMoney } from '../../../../platform/web/i18n/format';
import type { InitiativeDetail } from '../../contract';
import { useDecideGrant, useGrant } from '../initiatives-api';
import { parseEuros } from '../money-input';
import { initiativeProblem } from '../problems';

/**
 * Granting: the budget check before anything happens ("na toekenning resteert € …"), refused in the browser
 * when it would go over (the server refuses too), and the four-eyes notice above the threshold.
 */
export function GrantForm({ initiative }: { initiative: InitiativeDetail }) {
  const { t, i18n } = useTranslation();
  const grant = useGrant(initiative.id);
  const [amount, setAmount] = useState(String(initiative.costCents / 100).replace('.', ','));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ fieldId: string; label: string; message: string }[]>([]);
  const money = (cents: number) => formatMoney(cents, i18n.language);
  const budget = initiative.budget;
  const cents = parseEuros(amount);
  const after = budget && cents !== null ? budget.remainingCents - cents : null;

  if (!budget) {
    return (
      <Alert type="warning">
        <p className="utrecht-paragraph">{t('initiatives:grant.noBudget', { area: initiative.areaName })}</p>
      </Alert>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = [
      ...(cents === null || cents <= 0 ? [{ fieldId: 'grant-amount', label: t('initiatives:grant.amount'), message: t('initiatives:grant.amountInvalid') }] : []),
      ...(after !== null && after < 0 ? [{ fieldId: 'grant-amount', label: t('initiatives:grant.amount'), message: t('initiatives:grant.overBudget', { left: money(budget?.remainingCents ?? 0) }) }] : []),
      ...(reason.trim() ? [] : [{ fieldId: 'grant-reason', label: t('initiatives:grant.reason'), message: t('initiatives:step.reasonRequired') }]),
    ];
    setErrors(found);
    if (found.length || cents === null) return;
    grant.mutate({ amountCents: cents, reason: reason.trim() });
  }

  return (
    <form className="wr-form" onSubmit={submit} noValidate aria-label={t('initiatives:grant.heading')}>
      <ErrorSummary fields={errors} />
      {grant.error ? (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{initiativeProblem(grant.error, t)}</p>
        </Alert>
      ) : null}
      <p className="utrecht-paragraph">
        {t('initiatives:grant.budgetLine', { area: budget.areaName, year: budget.year, total: money(budget.totalCents), granted: money(budget.grantedCents), left: money(budget.remainingCents) })}
      </p>
      {budget.pendingCents > 0 ? <p className="utrecht-paragraph wr-muted">{t('initiatives:grant.pendingElsewhere', { amount: money(budget.pendingCents) })}</p> : null}
      <TextField id="grant-amount" label={t('initiatives:grant.amount')} description={t('initiatives:grant.amountHint', { cost: money(initiative.costCents) })} value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" error={errors.find((e) => e.fieldId === 'grant-amount')?.message} />
      {after !== null ? (
        <Alert type={after < 0 ? 'error' : 'info'} live="status">
          <p className="utrecht-paragraph">{after < 0 ? t('initiatives:grant.overBudget', { left: money(budget.remainingCents) }) : t('initiatives:grant.after', { left: money(after) })}</p>
          {cents !== null && cents > budget.fourEyesThresholdCents ? <p className="utrecht-paragraph">{t('initiatives:grant.fourEyes', { threshold: money(budget.fourEyesThresholdCents) })}</p> : null}
        </Alert>
      ) : null}
      <TextAreaField id="grant-reason" label={t('initiatives:grant.reason')} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} error={errors.find((e) => e.fieldId === 'grant-reason')?.message} maxLength={2000} />
      <Button type="submit" appearance="primary" busy={grant.isPending}>
        {cents !== null && cents > budget.fourEyesThresholdCents ? t('initiatives:grant.propose') : t('initiatives:grant.grant')}
      </Button>
    </form>
  );
}

/** A grant above the threshold that waits: the second person approves or rejects it; its proposer only sees it. */
export function ProposalPanel({ initiative }: { initiative: InitiativeDetail }) {
  const { t, i18n } = useTranslation();
  const decide = useDecideGrant(initiative.id);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const proposal = initiative.grantProposal;
  if (!proposal) return null;
  const money = (cents: number) => formatMoney(cents, i18n.language);
  const after = initiative.budget ? initiative.budget.remainingCents - proposal.amountCents : null;

  function reject() {
    if (!note.trim()) {
      setNoteError(t('initiatives:grant.rejectReasonRequired'));
      return;
    }
    setNoteError(undefined);
    decide.mutate({ decision: 'reject', note: note.trim() });
  }

  return (
    <div className="wr-form">
      <Alert type="info" heading={t('initiatives:grant.waitingHeading')}>
        <p className="utrecht-paragraph">{t('initiatives:grant.waitingText', { amount: money(proposal.amountCents), who: proposal.proposedBy, when: formatDateTime(proposal.proposedAt, i18n.language) })}</p>
        <p className="utrecht-paragraph">{proposal.reason}</p>
        {after !== null ? <p className="utrecht-paragraph">{t('initiatives:grant.after', { left: money(after) })}</p> : null}
        {!proposal.canDecide ? <p className="utrecht-paragraph">{t('initiatives:grant.notYours')}</p> : null}
      </Alert>
      {decide.error ? (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{initiativeProblem(decide.error, t)}</p>
        </Alert>
      ) : null}
      {proposal.canDecide ? (
        <>
          <TextAreaField id="grant-note" label={t('initiatives:grant.note')} description={t('initiatives:grant.noteHint')} value={note} onChange={(e) => setNote(e.target.value)} rows={2} error={noteError} maxLength={2000} />
          <ButtonGroup>
            <Button appearance="primary" busy={decide.isPending} onClick={() => decide.mutate({ decision: 'approve', note: note.trim() })}>
              {t('initiatives:grant.approve')}
            </Button>
            <Button appearance="secondary" danger busy={decide.isPending} onClick={reject}>
              {t('initiatives:grant.reject')}
            </Button>
          </ButtonGroup>
        </>
      ) : null}
    </div>
  );
}
