import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../platform/web/components/Alert';
import { Button } from '../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../platform/web/components/ErrorSummary';
import { SelectField, TextField } from '../../../platform/web/components/FormField';
import { useCreateLine, useFundingSources } from './finance-api';
import { parseEuroInput } from './money';
import { fieldMessages, serverFieldLinks } from '../../../platform/web/i18n/field-error-message';

type Allocation = { fundingSourceId: string; share: string; amount: string };

/** Parses "50" or "12,5" (percent) into basis points; null if not a percentage between 0 and 100. */
function shareToBp(text: string): number | null {
  const m = /^(\d{1,3})(?:,(\d{1,2}))?$/.exec(text.trim().replace('%', '').trim());
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0') || '0');
  return bp > 0 && bp <= 10_000 ? bp : null;
}

/** Budgets an activity for a year and says who pays it: per source a share (%) or a fixed amount. */
export function LineForm({ activities, year }: { activities: readonly { id: string; name: string }[]; year: number }) {
  const { t, i18n } = useTranslation();
  const sources = useFundingSources();
  const create = useCreateLine();
  const [activityId, setActivityId] = useState('');
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState('');
  const [allocations, setAllocations] = useState<Allocation[]>([{ fundingSourceId: '', share: '100', amount: '' }]);
  const [errors, setErrors] = useState<FieldErrorLink[]>([]);
  const server = fieldMessages(create.error, t, i18n.language);

  const update = (i: number, patch: Partial<Allocation>) => setAllocations((all) => all.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrorLink[] = [];
    const cents = parseEuroInput(amount);
    if (!activityId) found.push({ fieldId: 'line-activity', label: t('finance:line.activity'), message: t('finance:entry.required') });
    if (!description.trim()) found.push({ fieldId: 'line-description', label: t('finance:line.description'), message: t('finance:entry.required') });
    if (cents === null) found.push({ fieldId: 'line-amount', label: t('finance:line.amount'), message: t('finance:entry.amountInvalid') });
    const parsed = allocations
      .filter((a) => a.fundingSourceId)
      .map((a, i) => {
        if (a.amount.trim()) {
          const c = parseEuroInput(a.amount);
          if (c === null || c <= 0) found.push({ fieldId: `line-alloc-${i}-amount`, label: t('finance:line.allocAmount'), message: t('finance:entry.amountInvalid') });
          return { fundingSourceId: a.fundingSourceId, amountCents: c ?? 0 };
        }
        const bp = shareToBp(a.share);
        if (bp === null) found.push({ fieldId: `line-alloc-${i}-share`, label: t('finance:line.share'), message: t('finance:line.shareInvalid') });
        return { fundingSourceId: a.fundingSourceId, shareBp: bp ?? 0 };
      });
    setErrors(found);
    if (found.length || cents === null) return;
    create.mutate({ activityId, year, description: description.trim(), amountCents: cents, allocations: parsed }, { onSuccess: () => { setDescription(''); setAmount(''); } });
  }

  const sourceOptions = (sources.data ?? []).map((s) => ({ value: s.id, label: s.name }));
  return (
    <form className="wr-form wr-fin-form" onSubmit={submit} noValidate>
      <p className="utrecht-paragraph">{t('finance:line.lead', { year })}</p>
      <ErrorSummary
        error={create.error}
        fields={
          errors.length
            ? errors
            : serverFieldLinks(create.error, t, i18n.language, {
                activityId: { id: 'line-activity', label: t('finance:line.activity') },
                description: { id: 'line-description', label: t('finance:line.description') },
                amountCents: { id: 'line-amount', label: t('finance:line.amount') },
                allocations: { id: 'line-alloc-0-source', label: t('finance:line.source') },
              })
        }
      />
      {create.isSuccess ? <Alert type="ok" live="status">{t('finance:line.saved')}</Alert> : null}
      <SelectField id="line-activity" label={t('finance:line.activity')} value={activityId} onChange={(e) => setActivityId(e.target.value)} placeholder={t('finance:line.chooseActivity')} options={activities.map((a) => ({ value: a.id, label: a.name }))} error={errors.find((e) => e.fieldId === 'line-activity')?.message ?? server.activityId} />
      <div className="wr-fin-form-row">
        <TextField id="line-description" label={t('finance:line.description')} value={description} onChange={(e) => setDescription(e.target.value)} error={errors.find((e) => e.fieldId === 'line-description')?.message ?? server.description} />
        <TextField id="line-amount" label={t('finance:line.amount')} description={t('finance:entry.amountHint')} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} error={errors.find((e) => e.fieldId === 'line-amount')?.message ?? server.amountCents} />
      </div>
      <fieldset className="utrecht-form-fieldset wr-fin-fieldset">
        <legend className="utrecht-form-fieldset__legend">{t('finance:line.financing')}</legend>
        {allocations.map((a, i) => (
          <div key={i} className="wr-fin-form-row">
            <SelectField id={`line-alloc-${i}-source`} label={t('finance:line.source')} value={a.fundingSourceId} onChange={(e) => update(i, { fundingSourceId: e.target.value })} placeholder={t('finance:line.chooseSource')} options={sourceOptions} />
            <TextField id={`line-alloc-${i}-share`} label={t('finance:line.share')} inputMode="decimal" value={a.share} onChange={(e) => update(i, { share: e.target.value })} error={errors.find((e) => e.fieldId === `line-alloc-${i}-share`)?.message} />
            <TextField id={`line-alloc-${i}-amount`} label={t('finance:line.allocAmount')} optionalText={t('finance:line.orAmount')} inputMode="decimal" value={a.amount} onChange={(e) => update(i, { amount: e.target.value })} error={errors.find((e) => e.fieldId === `line-alloc-${i}-amount`)?.message} />
          </div>
        ))}
        {server.allocations ? <p className="utrecht-form-field-error-message">{server.allocations}</p> : null}
        {allocations.length < 4 ? (
          <Button appearance="subtle" onClick={() => setAllocations((all) => [...all, { fundingSourceId: '', share: '', amount: '' }])}>
            {t('finance:line.addSource')}
          </Button>
        ) : null}
      </fieldset>
      <Button type="submit" appearance="primary" busy={create.isPending}>
        {t('finance:line.submit')}
      </Button>
    </form>
  );
}
