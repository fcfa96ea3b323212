import { fieldMessages, serverFieldLinks } from '../../../platform/web/i18n/field-error-message';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../platform/web/components/Alert';
import { ErrorSummary } from '../../../platform/web/components/ErrorSummary';
import { TextField } from '../../../platform/web/components/FormField';
import { Section } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { formatDate } from '../../../platform/web/i18n/format';
import type { DecidedLineProposal, PendingLineProposal } from '../contract';
import { useDecideLineProposal, usePendingLineProposals } from './finance-api';
import { euro } from './money';
import { DecisionButtons } from './DecisionButtons';

/**
 * Budget lines proposed from an activity page, waiting for finance (four-eyes: never the proposer). Each card
 * shows what approving does to the activity's and the programme's budget of that year and to what the
 * funding source has left; approving past what the source has left asks first; after a decision a status
 * message says what happened and the figures after it.
 */
export function LineProposalApprovals() {
  const { t } = useTranslation();
  const pending = usePendingLineProposals(true);
  const [decided, setDecided] = useState<DecidedLineProposal | null>(null);
  return (
    <Section title={t('finance:lineApprovals.heading', { count: pending.data?.items.length ?? 0 })} id="line-proposals">
      <p className="utrecht-paragraph">{t('finance:lineApprovals.lead')}</p>
      <QueryState isPending={pending.isPending} error={pending.error} onRetry={() => void pending.refetch()} />
      <div role="status" id="line-proposals-status">
        {decided ? (
          <Alert type={decided.status === 'approved' && (decided.after?.sourceLeftCents ?? 0) >= 0 ? 'ok' : 'warning'} live="off">
            {decidedText(decided, t)}
          </Alert>
        ) : null}
      </div>
      {pending.data && pending.data.items.length === 0 ? <p className="utrecht-paragraph">{t('finance:lineApprovals.none')}</p> : null}
      <ul className="wr-fin-queue">
        {(pending.data?.items ?? []).map((proposal) => (
          <ProposalItem key={proposal.id} proposal={proposal} onDecided={setDecided} />
        ))}
      </ul>
    </Section>
  );
}

function decidedText(d: DecidedLineProposal, t: TFunction): string {
  const values = { amount: euro(d.amountCents), description: d.description, activity: d.activityName ?? t('finance:hiddenActivity'), year: d.year, source: d.fundingSourceName };
  if (d.status === 'rejected') return t('finance:lineApprovals.rejected', values);
  if (!d.after) return t('finance:lineApprovals.approvedNoFigures', values);
  return t('finance:lineApprovals.approved', { ...values, activityBudget: euro(d.after.activityYearBudgetCents), left: euro(d.after.sourceLeftCents) });
}

function ProposalItem({ proposal, onDecided }: { proposal: PendingLineProposal; onDecided: (d: DecidedLineProposal) => void }) {
  const { t, i18n } = useTranslation();
  const decide = useDecideLineProposal();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const noteId = `line-note-${proposal.id}`;
  const noteLabel = t('finance:approvals.note');
  // The server's field errors (a note too long) at the note and linked from the summary, in our words.
  const serverErrors = fieldMessages(decide.error, t, i18n.language);
  const serverNote = serverFieldLinks(decide.error, t, i18n.language, { note: { id: noteId, label: noteLabel } });
  const effect = proposal.effect;
  const overCents = effect && effect.source.leftAfterCents < 0 ? -effect.source.leftAfterCents : null;
  const send = (decision: 'approve' | 'reject') => {
    // A rejection says why: the proposer reads it on the activity page.
    if (decision === 'reject' && !note.trim()) {
      setNoteError(t('finance:lineApprovals.reasonRequired'));
      return;
    }
    setNoteError(undefined);
    // mutateAsync, not mutate's callbacks: the card leaves the queue (and unmounts) as soon as the queue is
    // fetched again, before mutate would call back, and the page must still say what was decided.
    decide.mutateAsync({ id: proposal.id, decision, note: note.trim() }).then(onDecided, () => undefined);
  };
  const rows: [string, number][] = effect
    ? [
        [t('finance:lineApprovals.effect.activityBefore', { year: proposal.year }), effect.activityYear.budgetCents],
        [t('finance:lineApprovals.effect.activityAfter', { year: proposal.year }), effect.activityYear.afterCents],
        [t('finance:lineApprovals.effect.programmeBefore', { year: proposal.year }), effect.programmeYear.budgetCents],
        [t('finance:lineApprovals.effect.programmeAfter', { year: proposal.year }), effect.programmeYear.afterCents],
        [t('finance:lineApprovals.effect.sourceTotal'), effect.source.totalCents],
        [t('finance:lineApprovals.effect.sourceAllocated'), effect.source.allocatedCents],
        [t('finance:lineApprovals.effect.sourceLeftAfter'), effect.source.leftAfterCents],
        ...(effect.source.otherPendingCents > 0
          ? ([
              [t('finance:lineApprovals.effect.otherPending'), effect.source.otherPendingCents],
              [t('finance:lineApprovals.effect.sourceLeftAfterPending'), effect.source.leftAfterPendingCents],
            ] as [string, number][])
          : []),
      ]
    : [];
  return (
    <li className="wr-fin-queue__item">
      <p className="wr-fin-queue__title">
        <strong>{euro(proposal.amountCents)}</strong> · {t('finance:lineApprovals.kind')} {proposal.year} · {proposal.activityName ?? t('finance:hiddenActivity')}
      </p>
      <p className="utrecht-paragraph">{proposal.description}</p>
      <p className="utrecht-paragraph wr-fin-muted">
        {t('finance:lineApprovals.meta', { source: proposal.fundingSourceName, by: proposal.proposedBy, date: formatDate(proposal.proposedAt.slice(0, 10), i18n.language) })}
      </p>
      {effect ? (
        <section aria-labelledby={`line-effect-${proposal.id}`}>
          <h3 className="utrecht-heading-3" id={`line-effect-${proposal.id}`}>
            {t('finance:lineApprovals.effect.heading')}
          </h3>
          <div className="wr-fin-effect">
            <dl className="wr-fin-effect__list">
              {rows.map(([label, cents]) => (
                <div key={label} className={cents < 0 ? 'wr-fin-effect__row wr-fin-effect__row--over' : 'wr-fin-effect__row'}>
                  <dt>{label}</dt>
                  <dd>{euro(cents)}</dd>
                </div>
              ))}
            </dl>
            {overCents !== null ? (
              <Alert type="warning">{t('finance:lineApprovals.over', { over: euro(overCents), source: proposal.fundingSourceName })}</Alert>
            ) : effect.source.leftAfterPendingCents < 0 ? (
              <Alert type="warning">{t('finance:lineApprovals.overWithPending', { over: euro(-effect.source.leftAfterPendingCents), source: proposal.fundingSourceName })}</Alert>
            ) : null}
          </div>
        </section>
      ) : null}
      {!proposal.canDecide ? (
        <Alert type="info">{t('finance:lineApprovals.notYours')}</Alert>
      ) : (
        <>
          <ErrorSummary error={noteError ? undefined : decide.error} fields={noteError ? [{ fieldId: noteId, label: noteLabel, message: noteError }] : serverNote} />
          <TextField id={noteId} label={noteLabel} description={t('finance:lineApprovals.noteHint')} value={note} onChange={(e) => setNote(e.target.value)} error={noteError ?? serverErrors.note} />
          <DecisionButtons overWarning={overCents !== null ? t('finance:lineApprovals.confirmOver', { source: proposal.fundingSourceName, over: euro(overCents) }) : null} busy={decide.isPending} onApprove={() => send('approve')} onReject={() => send('reject')} />
        </>
      )}
    </li>
  );
}
