import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../platform/web/api-client';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextField } from '../../../../platform/web/components/FormField';
import { formatMoney } from '../../../../platform/web/i18n/format';
import type { CreateWijkbudget, WijkbudgetSummary } from '../../contract';
import { useInitiativeOptions } from '../initiatives-api';
import { parseEuros } from '../money-input';
import { initiativeProblem } from '../problems';

type Field = 'areaCode' | 'year' | 'total' | 'threshold';
const id = (field: Field) => `wijkbudget-${field}`;

/** Finance sets the wijkbudget of a buurt or wijk for a year; it becomes a funding source in finance too. */
export function WijkbudgetForm() {
  const { t, i18n } = useTranslation();
  const options = useInitiativeOptions();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: CreateWijkbudget) => api.post<WijkbudgetSummary>('/api/v1/wijkbudgets', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['wijkbudgets'] }),
  });
  const thisYear = new Date().getFullYear();
  const [values, setValues] = useState<Record<Field, string>>({ areaCode: '', year: String(thisYear), total: '', threshold: '5.000' });
  const [errors, setErrors] = useState<FieldErrorLink[]>([]);
  const [saved, setSaved] = useState<WijkbudgetSummary | null>(null);
  const label = (field: Field) => t(`initiatives:wijkbudget.${field}`);
  const set = (field: Field) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const total = parseEuros(values.total);
    const threshold = parseEuros(values.threshold);
    const found: FieldErrorLink[] = [];
    if (!values.areaCode) found.push({ fieldId: id('areaCode'), label: label('areaCode'), message: t('initiatives:submit.errors.areaCode.required') });
    if (total === null || total <= 0) found.push({ fieldId: id('total'), label: label('total'), message: t('initiatives:grant.amountInvalid') });
    if (threshold === null) found.push({ fieldId: id('threshold'), label: label('threshold'), message: t('initiatives:grant.amountInvalid') });
    setErrors(found);
    if (found.length || total === null || threshold === null) return;
    create.mutate({ areaCode: values.areaCode, year: Number(values.year), totalCents: total, fourEyesThresholdCents: threshold }, { onSuccess: (result) => setSaved(result) });
  }

  return (
    <form className="wr-form" onSubmit={submit} noValidate aria-label={t('initiatives:wijkbudget.heading')}>
      <ErrorSummary fields={errors} />
      {create.error ? (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{initiativeProblem(create.error, t)}</p>
        </Alert>
      ) : null}
      {saved ? (
        <Alert type="ok" live="status">
          <p className="utrecht-paragraph">{t('initiatives:wijkbudget.saved', { area: saved.areaName, year: saved.year, total: formatMoney(saved.totalCents, i18n.language) })}</p>
        </Alert>
      ) : null}
      <SelectField
        id={id('areaCode')}
        label={label('areaCode')}
        options={(options.data?.areas ?? []).map((a) => ({ value: a.code, label: a.level === 'wijk' ? t('initiatives:submit.wijkOption', { name: a.name }) : t('initiatives:submit.buurtOption', { name: a.name, wijk: a.wijkName }) }))}
        placeholder={t('initiatives:submit.choose')}
        value={values.areaCode}
        onChange={set('areaCode')}
        error={errors.find((e) => e.fieldId === id('areaCode'))?.message}
      />
      <SelectField id={id('year')} label={label('year')} options={[thisYear, thisYear + 1].map((y) => ({ value: String(y), label: String(y) }))} value={values.year} onChange={set('year')} />
      <TextField id={id('total')} label={label('total')} description={t('initiatives:submit.hints.costCents')} value={values.total} onChange={set('total')} inputMode="decimal" error={errors.find((e) => e.fieldId === id('total'))?.message} />
      <TextField id={id('threshold')} label={label('threshold')} description={t('initiatives:wijkbudget.thresholdHint')} value={values.threshold} onChange={set('threshold')} inputMode="decimal" error={errors.find((e) => e.fieldId === id('threshold'))?.message} />
      <Button type="submit" appearance="primary" busy={create.isPending}>
        {t('initiatives:wijkbudget.save')}
      </Button>
    </form>
  );
}
