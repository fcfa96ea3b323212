import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../platform/web/components/Alert';
import { ErrorSummary } from '../../../platform/web/components/ErrorSummary';
import { TextField } from '../../../platform/web/components/FormField';
import { Page, Section } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { fieldMessages, serverFieldLinks } from '../../../platform/web/i18n/field-error-message';
import { formatDate } from '../../../platform/web/i18n/format';
import { useCurrentUser } from '../../../platform/web/session';
import type { DecidedEntry, PendingEntry } from '../contract';
import { FinanceNav } from './FinanceNav';
import { useDecide, usePendingEntries } from './finance-api';
import { LineEffectView, overText } from './LineEffectView';
import { LineProposalApprovals } from './LineProposalApprovals';
import { euro, euroExact } from './money';
import { ThresholdSection } from './ThresholdSection';
import './finance.css';
import { DecisionButtons } from './DecisionButtons';

/**
 * The four-eyes queue: large commitments and spend wait here for someone other than who booked them, and so do
 * budget lines proposed from an activity page (finance decides those).
 */
export default function ApprovalsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const pending = usePendingEntries(true);
  // The last decision, said in words once its card has left the queue.
  const [decided, setDecided] = useState<DecidedEntry | null>(null);
  const decidedText = decided
    ? t(`finance:approvals.${decided.status === 'approved' ? 'approved' : 'rejected'}${decided.lineRemainingCents === null ? 'NoFigures' : ''}`, {
        amount: euroExact(decided.amountCents),
        kind: t(`finance:entry.kinds.${decided.kind}`).toLowerCase(),
        description: decided.description,
        line: decided.lineDescription,
        remaining: decided.lineRemainingCents === null ? '' : euro(decided.lineRemainingCents),
      })
    : null;
  return (
    <Page title={t('finance:approvals.title')} lead={pending.data ? t('finance:approvals.lead', { amount: euro(pending.data.approvalThresholdCents) }) : undefined}>
      <FinanceNav />
      <QueryState isPending={pending.isPending} error={pending.error} onRetry={() => void pending.refetch()} />
      {pending.data ? (
        <Section title={t('finance:approvals.heading', { count: pending.data.items.length })} id="approvals">
          <div role="status" id="approvals-status">
            {decidedText && decided ? (
              <Alert type={decided.status === 'approved' && (decided.lineRemainingCents ?? 0) >= 0 ? 'ok' : 'warning'} live="off">
                {decidedText}
              </Alert>
            ) : null}
          </div>
          {pending.data.items.length === 0 ? <p className="utrecht-paragraph">{t('finance:approvals.none')}</p> : null}
          <ul className="wr-fin-queue">
            {pending.data.items.map((entry) => (
              <ApprovalItem key={entry.id} entry={entry} own={entry.submittedById === user?.id} onDecided={setDecided} />
            ))}
          </ul>
        </Section>
      ) : null}
      <LineProposalApprovals />
      <ThresholdSection />
    </Page>
  );
}

function ApprovalItem({ entry, own, onDecided }: { entry: PendingEntry; own: boolean; onDecided: (entry: DecidedEntry) => void }) {
  const { t, i18n } = useTranslation();
  const decide = useDecide();
  const [note, setNote] = useState('');
  // Approving what takes the line over budget asks first, naming the overrun.
  const noteId = `note-${entry.id}`;
  const effect = entry.lineEffect;
  // mutateAsync, not mutate's callbacks: the card leaves the queue (and unmounts) when the queue is fetched
  // again, before mutate would call back, and the page must still say what was decided.
  const send = (decision: 'approve' | 'reject') => void decide.mutateAsync({ id: entry.id, decision, note }).then(onDecided, () => undefined);
  return (
    <li className="wr-fin-queue__item">
      <p className="wr-fin-queue__title">
        <strong>{euroExact(entry.amountCents)}</strong> · {t(`finance:entry.kinds.${entry.kind}`)} · {entry.activityName ?? t('finance:hiddenActivity')}
      </p>
      <p className="utrecht-paragraph">{entry.reversesId ? t('finance:reversal.label', { reason: entry.description }) : entry.description}</p>
      {entry.approvalReason === 'split' && entry.splitTotalCents !== null ? <Alert type="warning">{t('finance:approvals.split', { total: euroExact(entry.splitTotalCents) })}</Alert> : null}
      <p className="utrecht-paragraph wr-fin-muted">
        {t('finance:approvals.meta', { line: entry.lineDescription, doc: entry.documentRef, date: formatDate(entry.bookedOn, i18n.language), by: entry.submittedBy })}
      </p>
      {effect ? (
        <section aria-labelledby={`effect-${entry.id}`}>
          <h3 className="utrecht-heading-3" id={`effect-${entry.id}`}>
            {t('finance:lineEffect.heading')}: {entry.lineDescription}
          </h3>
          <LineEffectView effect={effect} mode="approval" />
        </section>
      ) : null}
      {own ? (
        <Alert type="info">{t('finance:approvals.own')}</Alert>
      ) : (
        <>
          <ErrorSummary error={decide.error} fields={serverFieldLinks(decide.error, t, i18n.language, { note: { id: noteId, label: t('finance:approvals.note') } })} />
          <TextField id={noteId} label={t('finance:approvals.note')} description={t('finance:approvals.noteHint')} value={note} onChange={(e) => setNote(e.target.value)} error={fieldMessages(decide.error, t, i18n.language).note} />
          <DecisionButtons overWarning={effect?.over ? t('finance:approvals.confirmOver', { line: entry.lineDescription, over: overText(effect.over) }) : null} busy={decide.isPending} onApprove={() => send('approve')} onReject={() => send('reject')} />
        </>
      )}
    </li>
  );
}
