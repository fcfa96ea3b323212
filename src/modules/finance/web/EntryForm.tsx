import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../platform/web/components/Alert';
import { Button } from '../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../platform/web/components/ErrorSummary';
import { SelectField, TextField } from '../../../platform/web/components/FormField';
import { calendarDayOf } from '../../../platform/shared/time';
import type { BudgetLine } from '../contract';
import { diffCents } from '../money/cents';
import { bookingEffect, type LineEffect } from '../money/line-effect';
import { useCreateEntry } from './finance-api';
import { LineEffectView } from './LineEffectView';
import { euro, euroExact, parseEuroInput } from './money';
import { fieldMessages, serverFieldLinks } from '../../../platform/web/i18n/field-error-message';

/** The effect of booking `amount` on `line`, from the server's figures; null without a line or a valid amount. */
function effectOf(line: BudgetLine | undefined, amount: string): LineEffect | null {
  const cents = parseEuroInput(amount);
  if (!line || cents === null || cents <= 0) return null;
  try {
    return bookingEffect(line, cents);
  } catch {
    return null; // an amount no figure can hold; the server refuses it on booking
  }
}

/** Books a commitment or spend on a line; above the threshold it goes to the approvals queue. */
export function EntryForm({ lines, thresholdCents, selectedLine, onSelectLine }: { lines: readonly BudgetLine[]; thresholdCents: number; selectedLine: string; onSelectLine: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const create = useCreateEntry();
  const [kind, setKind] = useState<'spend' | 'commitment'>('spend');
  const [amount, setAmount] = useState('');
  const [bookedOn, setBookedOn] = useState(() => calendarDayOf(new Date()));
  const [description, setDescription] = useState('');
  const [documentRef, setDocumentRef] = useState('');
  const [errors, setErrors] = useState<FieldErrorLink[]>([]);
  const serverErrors = fieldMessages(create.error, t, i18n.language);
  const fieldError = (id: string, server: string) => errors.find((e) => e.fieldId === id)?.message ?? serverErrors[server];
  const line = lines.find((l) => l.id === selectedLine);
  const effect = effectOf(line, amount);

  function submit(event: FormEvent) {
    event.preventDefault();
    const cents = parseEuroInput(amount);
    const found: FieldErrorLink[] = [];
    if (!selectedLine) found.push({ fieldId: 'entry-line', label: t('finance:entry.line'), message: t('finance:entry.lineRequired') });
    if (cents === null || cents <= 0) found.push({ fieldId: 'entry-amount', label: t('finance:entry.amount'), message: t('finance:entry.amountInvalid') });
    if (!description.trim()) found.push({ fieldId: 'entry-description', label: t('finance:entry.description'), message: t('finance:entry.required') });
    if (!documentRef.trim()) found.push({ fieldId: 'entry-document', label: t('finance:entry.documentRef'), message: t('finance:entry.required') });
    setErrors(found);
    if (found.length || cents === null) return;
    create.mutate(
      { budgetLineId: selectedLine, kind, amountCents: cents, bookedOn, description: description.trim(), documentRef: documentRef.trim() },
      {
        onSuccess: () => {
          setAmount('');
          setDescription('');
          setDocumentRef('');
        },
      },
    );
  }

  return (
    <form className="wr-form wr-fin-form" onSubmit={submit} noValidate>
      <p className="utrecht-paragraph">{t('finance:entry.thresholdNote', { amount: euro(thresholdCents) })}</p>
      <ErrorSummary
        error={create.error}
        fields={
          errors.length
            ? errors
            : serverFieldLinks(create.error, t, i18n.language, {
                budgetLineId: { id: 'entry-line', label: t('finance:entry.line') },
                amountCents: { id: 'entry-amount', label: t('finance:entry.amountLabel') },
                bookedOn: { id: 'entry-date', label: t('finance:entry.bookedOn') },
                description: { id: 'entry-description', label: t('finance:entry.description') },
                documentRef: { id: 'entry-document', label: t('finance:entry.documentRef') },
              })
        }
      />
      {create.data ? (
        <Alert type={create.data.status === 'pending' ? 'warning' : 'ok'} live="status">
          {create.data.status === 'pending' ? t('finance:entry.savedPending', { amount: euroExact(create.data.amountCents) }) : t('finance:entry.saved', { amount: euroExact(create.data.amountCents) })}
        </Alert>
      ) : null}
      <SelectField
        id="entry-line"
        label={t('finance:entry.line')}
        value={selectedLine}
        onChange={(e) => onSelectLine(e.target.value)}
        placeholder={t('finance:entry.chooseLine')}
        options={lines.map((l) => ({ value: l.id, label: `${l.activityName ?? t('finance:hiddenActivity')}: ${l.description} (${t('finance:figures.remaining').toLowerCase()} ${euro(l.remainingCents)})` }))}
        error={fieldError('entry-line', 'budgetLineId')}
      />
      <SelectField
        id="entry-kind"
        label={t('finance:entry.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value === 'commitment' ? 'commitment' : 'spend')}
        options={[
          { value: 'spend', label: t('finance:entry.kinds.spend') },
          { value: 'commitment', label: t('finance:entry.kinds.commitment') },
        ]}
      />
      <div className="wr-fin-form-row">
        <TextField id="entry-amount" label={t('finance:entry.amountLabel')} description={t('finance:entry.amountHint')} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} error={fieldError('entry-amount', 'amountCents')} />
        <TextField id="entry-date" type="date" label={t('finance:entry.bookedOn')} value={bookedOn} onChange={(e) => setBookedOn(e.target.value)} error={serverErrors.bookedOn} />
      </div>
      {line ? (
        <section className="wr-fin-effect-box" aria-labelledby="entry-effect-heading" id="entry-effect">
          <h3 className="utrecht-heading-3" id="entry-effect-heading">
            {t('finance:lineEffect.heading')}
          </h3>
          {effect ? (
            <LineEffectView effect={effect} mode="booking" usedCents={diffCents(line.budgetCents, line.remainingCents)} pendingCents={line.pendingCents} />
          ) : (
            <p className="utrecht-paragraph wr-fin-muted">
              {t('finance:lineEffect.remaining')}: {euro(line.remainingCents)} · {t('finance:lineEffect.pending')}: {euro(line.pendingCents)}. {t('finance:entry.effectHint')}
            </p>
          )}
        </section>
      ) : null}
      <TextField id="entry-description" label={t('finance:entry.description')} value={description} onChange={(e) => setDescription(e.target.value)} error={fieldError('entry-description', 'description')} />
      <TextField id="entry-document" label={t('finance:entry.documentRef')} description={t('finance:entry.documentHint')} value={documentRef} onChange={(e) => setDocumentRef(e.target.value)} error={fieldError('entry-document', 'documentRef')} />
      <Button type="submit" appearance="primary" busy={create.isPending}>
        {t('finance:entry.submit')}
      </Button>
    </form>
  );
}
