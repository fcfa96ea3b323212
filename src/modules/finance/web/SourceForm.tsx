import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../../platform/web/components/Button';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../platform/web/components/FormField';
import { ErrorSummary, type FieldErrorLink } from '../../../platform/web/components/ErrorSummary';
import { FUNDING_KINDS, type FundingKind } from '../contract';
import { useCreateSource } from './finance-api';
import { parseEuroInput } from './money';
import { fieldMessages, serverFieldLinks } from '../../../platform/web/i18n/field-error-message';

type TrancheDraft = { amount: string; dueDate: string };

/** Registers a funding source with its tranches; accountability duties can follow through the API. */
export function SourceForm() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateSource();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<FundingKind>('rijkssubsidie');
  const [funderName, setFunderName] = useState('');
  const [total, setTotal] = useState('');
  const [spendFrom, setSpendFrom] = useState('');
  const [spendUntil, setSpendUntil] = useState('');
  const [conditions, setConditions] = useState('');
  const [repayUnspent, setRepayUnspent] = useState(true);
  const [tranches, setTranches] = useState<TrancheDraft[]>([{ amount: '', dueDate: '' }]);
  const [errors, setErrors] = useState<FieldErrorLink[]>([]);
  const server = fieldMessages(create.error, t, i18n.language);
  const err = (id: string, key: string) => errors.find((e) => e.fieldId === id)?.message ?? server[key];

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrorLink[] = [];
    const totalCents = parseEuroInput(total);
    if (!name.trim()) found.push({ fieldId: 'src-name', label: t('finance:sources.name'), message: t('finance:entry.required') });
    if (!funderName.trim()) found.push({ fieldId: 'src-funder', label: t('finance:sourceForm.funder'), message: t('finance:entry.required') });
    if (totalCents === null) found.push({ fieldId: 'src-total', label: t('finance:sources.total'), message: t('finance:entry.amountInvalid') });
    if (!spendFrom) found.push({ fieldId: 'src-from', label: t('finance:sourceForm.spendFrom'), message: t('finance:entry.required') });
    if (!spendUntil) found.push({ fieldId: 'src-until', label: t('finance:sourceForm.spendUntil'), message: t('finance:entry.required') });
    const parsed = tranches
      .filter((tr) => tr.amount.trim() || tr.dueDate)
      .map((tr, i) => {
        const cents = parseEuroInput(tr.amount);
        if (cents === null || cents <= 0 || !tr.dueDate) found.push({ fieldId: `src-tranche-${i}-amount`, label: t('finance:sourceForm.tranche', { n: i + 1 }), message: t('finance:sourceForm.trancheInvalid') });
        return { amountCents: cents ?? 0, dueDate: tr.dueDate };
      });
    setErrors(found);
    if (found.length || totalCents === null) return;
    create.mutate(
      { name: name.trim(), kind, funderName: funderName.trim(), totalCents, spendFrom, spendUntil, conditions, repayUnspent, viaMunicipalBudget: kind !== 'inzet_in_natura', tranches: parsed },
      { onSuccess: (created) => void navigate(`/financien/bronnen/${created.id}`) },
    );
  }

  return (
    <form className="wr-form wr-fin-form" onSubmit={submit} noValidate>
      <ErrorSummary
        error={create.error}
        fields={
          errors.length
            ? errors
            : serverFieldLinks(create.error, t, i18n.language, {
                name: { id: 'src-name', label: t('finance:sources.name') },
                funderName: { id: 'src-funder', label: t('finance:sourceForm.funder') },
                totalCents: { id: 'src-total', label: t('finance:sources.total') },
                spendFrom: { id: 'src-from', label: t('finance:sourceForm.spendFrom') },
                spendUntil: { id: 'src-until', label: t('finance:sourceForm.spendUntil') },
                tranches: { id: 'src-tranche-0-amount', label: t('finance:sourceForm.tranche', { n: 1 }) },
              })
        }
      />
      <div className="wr-fin-form-row">
        <TextField id="src-name" label={t('finance:sources.name')} value={name} onChange={(e) => setName(e.target.value)} error={err('src-name', 'name')} />
        <SelectField id="src-kind" label={t('finance:sources.kind')} value={kind} onChange={(e) => setKind(e.target.value as FundingKind)} options={FUNDING_KINDS.map((k) => ({ value: k, label: t(`finance:kind.${k}`) }))} />
      </div>
      <div className="wr-fin-form-row">
        <TextField id="src-funder" label={t('finance:sourceForm.funder')} value={funderName} onChange={(e) => setFunderName(e.target.value)} error={err('src-funder', 'funderName')} />
        <TextField id="src-total" label={t('finance:sources.total')} description={t('finance:entry.amountHint')} inputMode="decimal" value={total} onChange={(e) => setTotal(e.target.value)} error={err('src-total', 'totalCents')} />
      </div>
      <div className="wr-fin-form-row">
        <TextField id="src-from" type="date" label={t('finance:sourceForm.spendFrom')} value={spendFrom} onChange={(e) => setSpendFrom(e.target.value)} error={err('src-from', 'spendFrom')} />
        <TextField id="src-until" type="date" label={t('finance:sourceForm.spendUntil')} value={spendUntil} onChange={(e) => setSpendUntil(e.target.value)} error={err('src-until', 'spendUntil')} />
      </div>
      <TextAreaField id="src-conditions" label={t('finance:detail.conditions')} value={conditions} onChange={(e) => setConditions(e.target.value)} rows={3} />
      <CheckboxField id="src-repay" label={t('finance:sourceForm.repayUnspent')} checked={repayUnspent} onChange={(e) => setRepayUnspent(e.target.checked)} />
      <fieldset className="utrecht-form-fieldset wr-fin-fieldset">
        <legend className="utrecht-form-fieldset__legend">{t('finance:detail.tranches')}</legend>
        {tranches.map((tr, i) => (
          <div key={i} className="wr-fin-form-row">
            <TextField id={`src-tranche-${i}-amount`} label={t('finance:sourceForm.tranche', { n: i + 1 })} inputMode="decimal" value={tr.amount} onChange={(e) => setTranches((all) => all.map((x, j) => (j === i ? { ...x, amount: e.target.value } : x)))} error={err(`src-tranche-${i}-amount`, 'tranches')} />
            <TextField id={`src-tranche-${i}-due`} type="date" label={t('finance:detail.dueDate')} value={tr.dueDate} onChange={(e) => setTranches((all) => all.map((x, j) => (j === i ? { ...x, dueDate: e.target.value } : x)))} />
          </div>
        ))}
        <Button appearance="subtle" onClick={() => setTranches((all) => [...all, { amount: '', dueDate: '' }])}>
          {t('finance:sourceForm.addTranche')}
        </Button>
      </fieldset>
      <Button type="submit" appearance="primary" busy={create.isPending}>
        {t('finance:sourceForm.submit')}
      </Button>
    </form>
  );
}
