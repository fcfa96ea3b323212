import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../../platform/web/api-client';
import { Alert } from '../../../platform/web/components/Alert';
import { Button } from '../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../platform/web/components/ErrorSummary';
import { SelectField, TextField } from '../../../platform/web/components/FormField';
import { fieldMessages } from '../../../platform/web/i18n/field-error-message';
import { MAX_LINE_CENTS, type LineProposal } from '../contract';
import { useFundingSources, useProposeLine } from './finance-api';
import { euro, parseEuroInput } from './money';

const FIELD_IDS = { year: 'propose-year', fundingSourceId: 'propose-source', amountCents: 'propose-amount', description: 'propose-description' } as const;
type Field = keyof typeof FIELD_IDS;

/**
 * The programme manager proposes a budget line for this activity: year, the funding source that pays it, the
 * amount and what it is for. Finance approves or rejects it (four-eyes); until then it counts nowhere. The
 * server's refusals are said in our own words per field, never its validator text.
 */
export function ProposeLineForm({ activityId, start, end, onProposed }: { activityId: string; start: string; end: string; onProposed?: (proposal: LineProposal) => void }) {
  const { t, i18n } = useTranslation();
  const sources = useFundingSources();
  const propose = useProposeLine();
  // The years the activity runs in (the server refuses others); this year first choice when it is one of them.
  const [firstYear, lastYear] = [Number(start.slice(0, 4)), Number(end.slice(0, 4))];
  const years = Array.from({ length: Math.min(Math.max(lastYear - firstYear + 1, 1), 30) }, (_, i) => firstYear + i);
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(String(years.includes(thisYear) ? thisYear : firstYear));
  const [sourceId, setSourceId] = useState('');
  const [amount, setAmount] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FieldErrorLink[]>([]);
  const [proposed, setProposed] = useState<LineProposal | null>(null);
  const source = sources.data?.find((s) => s.id === sourceId);
  const period = (s: { spendFrom: string; spendUntil: string }) => `${s.spendFrom.slice(0, 4)}–${s.spendUntil.slice(0, 4)}`;
  const label: Record<Field, string> = {
    year: t('finance:proposeLine.year'),
    fundingSourceId: t('finance:proposeLine.source'),
    amountCents: t('finance:proposeLine.amount'),
    description: t('finance:proposeLine.description'),
  };
  const link = (field: Field, message: string): FieldErrorLink => ({ fieldId: FIELD_IDS[field], label: label[field], message });

  /** A refusal by the server, in words per field (the server's own text is for developers). */
  function serverErrors(error: unknown): FieldErrorLink[] {
    if (!(error instanceof ApiProblem) || error.status !== 422) return [];
    if (error.code === 'finance.year_outside_activity') return [link('year', t('finance:proposeLine.errors.yearOutsideActivity', { period: `${firstYear}–${lastYear}` }))];
    if (error.code === 'finance.year_outside_source') return [link('year', t('finance:proposeLine.errors.yearOutside', { period: source ? period(source) : '' }))];
    if (error.code === 'finance.unknown_funding_source') return [link('fundingSourceId', t('finance:proposeLine.errors.sourceGone'))];
    if (error.code === 'finance.cap_exceeded') return [link('amountCents', t('finance:proposeLine.errors.tooMuch'))];
    // The words of the field error codes (issue 13, item 7), at the fields this form shows.
    return Object.entries(fieldMessages(error, t, i18n.language)).flatMap(([field, message]) => (field in FIELD_IDS ? [link(field as Field, message)] : []));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrorLink[] = [];
    const cents = parseEuroInput(amount);
    if (!source) found.push(link('fundingSourceId', t('finance:proposeLine.errors.chooseSource')));
    else if (Number(year) < Number(source.spendFrom.slice(0, 4)) || Number(year) > Number(source.spendUntil.slice(0, 4))) found.push(link('year', t('finance:proposeLine.errors.yearOutside', { period: period(source) })));
    if (cents === null || cents <= 0) found.push(link('amountCents', t('finance:proposeLine.errors.amount')));
    else if (cents > MAX_LINE_CENTS) found.push(link('amountCents', t('finance:proposeLine.errors.amountMax', { max: euro(MAX_LINE_CENTS) })));
    if (!description.trim()) found.push(link('description', t('finance:proposeLine.errors.description')));
    setErrors(found);
    setProposed(null);
    if (found.length || cents === null || !source) return;
    propose.mutate(
      { activityId, year: Number(year), fundingSourceId: source.id, amountCents: cents, description: description.trim() },
      {
        onSuccess: (p) => {
          setProposed(p);
          setAmount('');
          setDescription('');
          onProposed?.(p);
        },
        onError: (error) => setErrors(serverErrors(error)),
      },
    );
  }

  const errorOf = (field: Field) => errors.find((e) => e.fieldId === FIELD_IDS[field])?.message;
  // A 422 is said per field above; anything else (403, 409, a lost connection) heads the summary.
  const requestError = propose.error instanceof ApiProblem && propose.error.status === 422 && errors.length > 0 ? undefined : propose.error;
  return (
    <form className="wr-form wr-fin-form wr-fin-propose" onSubmit={submit} noValidate aria-labelledby="propose-line-heading">
      <h3 className="utrecht-heading-3" id="propose-line-heading">
        {t('finance:proposeLine.heading')}
      </h3>
      <p className="utrecht-paragraph">{t('finance:proposeLine.lead')}</p>
      <ErrorSummary error={requestError ?? undefined} fields={errors} />
      <div role="status">
        {proposed ? (
          <Alert type="ok" live="off">
            {t('finance:proposeLine.done', { amount: euro(proposed.amountCents), year: proposed.year, source: proposed.fundingSourceName })}
          </Alert>
        ) : null}
      </div>
      <div className="wr-fin-form-row">
        <SelectField id={FIELD_IDS.year} label={label.year} description={t('finance:proposeLine.yearHint')} value={year} onChange={(e) => setYear(e.target.value)} options={years.map((y) => ({ value: String(y), label: String(y) }))} error={errorOf('year')} />
        <SelectField
          id={FIELD_IDS.fundingSourceId}
          label={label.fundingSourceId}
          description={t('finance:proposeLine.sourceHint')}
          value={sourceId}
          onChange={(e) => setSourceId(e.target.value)}
          placeholder={t('finance:line.chooseSource')}
          options={(sources.data ?? []).map((s) => ({ value: s.id, label: t('finance:proposeLine.sourceOption', { name: s.name, period: period(s) }) }))}
          error={errorOf('fundingSourceId')}
        />
      </div>
      <div className="wr-fin-form-row">
        <TextField id={FIELD_IDS.amountCents} label={label.amountCents} description={t('finance:entry.amountHint')} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} error={errorOf('amountCents')} />
        <TextField id={FIELD_IDS.description} label={label.description} description={t('finance:proposeLine.descriptionHint')} value={description} onChange={(e) => setDescription(e.target.value)} error={errorOf('description')} />
      </div>
      <Button type="submit" appearance="primary" busy={propose.isPending}>
        {t('finance:proposeLine.submit')}
      </Button>
    </form>
  );
}
