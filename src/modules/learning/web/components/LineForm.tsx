import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { CheckboxField, SelectField, TextField } from '../../../../platform/web/components/FormField';
import { Heading } from '../../../../platform/web/components/Heading';
import { MKBA_ACTORS, type Alternative, type Line, type MkbaDetail } from '../../contract';
import { formatAmountInput, parseEuros } from '../format';
import { useMkbaChange } from '../mkba-api';
import { MkbaError } from './MkbaError';

/**
 * A cost or benefit line: added to an alternative, or — with `line` — changed in place (amount, year, actor,
 * kind, PM and its description, measure), with the same checks and messages either way.
 */
export function LineForm({ mkba, alternative, line, onDone }: { mkba: MkbaDetail; alternative: Alternative; line?: Line; onDone?: () => void }) {
  const { t, i18n } = useTranslation();
  const change = useMkbaChange(mkba.id);
  const prefix = line ? `line-edit-${line.id}` : `line-${alternative.id}`;
  const empty = { kind: 'benefit', actor: 'gemeente', year: String(mkba.baseYear), amount: '', pm: false, measureId: '', description: '' };
  const initial = line
    ? { kind: line.kind, actor: line.actor, year: String(line.year), amount: line.amountCents === null ? '' : formatAmountInput(line.amountCents, i18n.language), pm: line.amountCents === null, measureId: line.measureId ?? '', description: line.description }
    : empty;
  const [form, setForm] = useState(initial);
  const [fieldErrors, setFieldErrors] = useState<FieldErrorLink[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  // Editing opens with the focus on the form's heading, so a screen reader hears which line it changes.
  useEffect(() => {
    if (line) heading.current?.focus();
  }, [line]);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  const years = Array.from({ length: mkba.horizonYears + 1 }, (_, i) => String(mkba.baseYear + i));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amountCents = form.pm ? null : parseEuros(form.amount, i18n.language);
    const errors: FieldErrorLink[] = [];
    if (!form.pm && (amountCents === null || amountCents < 1)) errors.push({ fieldId: `${prefix}-amount`, label: t('learning:line.amount'), message: t('learning:form.amount') });
    if (form.pm && !form.description.trim()) errors.push({ fieldId: `${prefix}-description`, label: t('learning:line.description'), message: t('learning:form.pmDescription') });
    setFieldErrors(errors);
    if (errors.length > 0) return;
    const body = { kind: form.kind, actor: form.actor, year: Number(form.year), amountCents, measureId: form.measureId || null, description: form.description.trim() || (line ? '' : undefined) };
    if (line) change.mutate({ method: 'PATCH', path: `/api/v1/mkba-lines/${line.id}`, body }, { onSuccess: () => onDone?.() });
    else change.mutate({ method: 'POST', path: `/api/v1/mkba-alternatives/${alternative.id}/lines`, body }, { onSuccess: () => setForm({ ...empty, kind: form.kind, actor: form.actor, year: form.year }) });
  };
  const error = (id: string) => fieldErrors.find((f) => f.fieldId === `${prefix}-${id}`)?.message;

  return (
    <form onSubmit={submit} noValidate className="wr-form wr-mkba-line-form" aria-labelledby={`${prefix}-heading`} onKeyDown={(event) => line && event.key === 'Escape' && onDone?.()}>
      <Heading level={4} id={`${prefix}-heading`} ref={heading} tabIndex={line ? -1 : undefined}>
        {line ? t('learning:line.editHeading', { year: line.year, actor: t(`learning:actors.${line.actor}`) }) : t('learning:line.addHeading')}
      </Heading>
      {change.error ? <MkbaError error={change.error} /> : <ErrorSummary fields={fieldErrors} />}
      {change.isSuccess && !line ? (
        <p className="utrecht-paragraph" role="status">
          {t('learning:line.added')}
        </p>
      ) : null}
      <div className="wr-mkba-row">
        <SelectField id={`${prefix}-kind`} label={t('learning:line.kind')} options={(['cost', 'benefit'] as const).map((k) => ({ value: k, label: t(`learning:kinds.${k}`) }))} value={form.kind} onChange={set('kind')} />
        <SelectField id={`${prefix}-actor`} label={t('learning:line.actor')} options={MKBA_ACTORS.map((a) => ({ value: a, label: t(`learning:actors.${a}`) }))} value={form.actor} onChange={set('actor')} />
        <SelectField id={`${prefix}-year`} label={t('learning:line.year')} options={years.map((y) => ({ value: y, label: y }))} value={form.year} onChange={set('year')} />
        <TextField id={`${prefix}-amount`} label={t('learning:line.amount')} description={t('learning:line.amountHint')} inputMode="decimal" value={form.amount} onChange={set('amount')} disabled={form.pm} error={error('amount')} />
      </div>
      <CheckboxField id={`${prefix}-pm`} label={t('learning:line.pm')} description={t('learning:line.pmHint')} checked={form.pm} onChange={(event) => setForm({ ...form, pm: event.target.checked })} />
      <div className="wr-mkba-row">
        {alternative.measures.length > 0 ? (
          <SelectField id={`${prefix}-measure`} label={t('learning:line.measure')} options={alternative.measures.map((m) => ({ value: m.id, label: m.name }))} placeholder={t('learning:line.noMeasure')} value={form.measureId} onChange={set('measureId')} />
        ) : null}
        <TextField id={`${prefix}-description`} label={t('learning:line.description')} optionalText={form.pm ? undefined : t('learning:form.optional')} value={form.description} onChange={set('description')} error={error('description')} />
      </div>
      <ButtonGroup>
        <Button type="submit" appearance="primary" busy={change.isPending}>
          {line ? t('learning:line.save') : t('learning:line.add')}
        </Button>
        {line ? <Button onClick={onDone}>{t('learning:rename.cancel')}</Button> : null}
      </ButtonGroup>
    </form>
  );
}
