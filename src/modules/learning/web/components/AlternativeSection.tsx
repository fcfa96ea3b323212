import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { CheckboxField, SelectField, TextField } from '../../../../platform/web/components/FormField';
import { Heading } from '../../../../platform/web/components/Heading';
import { Table } from '../../../../platform/web/components/Table';
import { MKBA_ACTORS, type Alternative, type MkbaActor, type MkbaDetail } from '../../contract';
import { formatEuros, parseEuros } from '../format';
import { useMkbaChange } from '../mkba-api';
import { LineList } from './LineList';
import { PmList } from './PmList';
import { MkbaError } from './MkbaError';

/** Costs and benefits per year (rows) and actor (columns), summed over the alternative's quantified lines. */
function YearActorTable({ alternative }: { alternative: Alternative }) {
  const { t, i18n } = useTranslation();
  const lines = alternative.lines.filter((l) => l.amountCents !== null);
  const years = [...new Set(lines.map((l) => l.year))].sort((a, b) => a - b);
  const actors = MKBA_ACTORS.filter((a) => lines.some((l) => l.actor === a));
  const cell = (year: number, actor: MkbaActor) => {
    const sum = (kind: 'cost' | 'benefit') => lines.filter((l) => l.year === year && l.actor === actor && l.kind === kind).reduce((s, l) => s + (l.amountCents ?? 0), 0);
    const [costs, benefits] = [sum('cost'), sum('benefit')];
    return (
      <>
        {costs ? <span className="wr-mkba-cost">{t('learning:table.costs', { amount: formatEuros(costs, i18n.language) })}</span> : null}
        {costs && benefits ? <br /> : null}
        {benefits ? <span className="wr-mkba-benefit">{t('learning:table.benefits', { amount: formatEuros(benefits, i18n.language) })}</span> : null}
      </>
    );
  };
  return (
    <Table
      caption={t('learning:table.caption', { name: alternative.name })}
      columns={[{ key: 'year', header: t('learning:line.year'), render: (year: number) => String(year), rowHeader: true }, ...actors.map((actor) => ({ key: actor, header: t(`learning:actors.${actor}`), render: (year: number) => cell(year, actor), numeric: true }))]}
      rows={years}
      rowKey={(year) => String(year)}
      empty={t('learning:table.empty')}
      compact
    />
  );
}

function AddLineForm({ mkba, alternative }: { mkba: MkbaDetail; alternative: Alternative }) {
  const { t, i18n } = useTranslation();
  const change = useMkbaChange(mkba.id);
  const prefix = `line-${alternative.id}`;
  const empty = { kind: 'benefit', actor: 'gemeente', year: String(mkba.baseYear), amount: '', pm: false, measureId: '', description: '' };
  const [form, setForm] = useState(empty);
  const [fieldErrors, setFieldErrors] = useState<FieldErrorLink[]>([]);
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
    change.mutate(
      { method: 'POST', path: `/api/v1/mkba-alternatives/${alternative.id}/lines`, body: { kind: form.kind, actor: form.actor, year: Number(form.year), amountCents, measureId: form.measureId || null, description: form.description.trim() || undefined } },
      { onSuccess: () => setForm({ ...empty, kind: form.kind, actor: form.actor, year: form.year }) },
    );
  };
  const error = (id: string) => fieldErrors.find((f) => f.fieldId === `${prefix}-${id}`)?.message;

  return (
    <form onSubmit={submit} noValidate className="wr-form wr-mkba-line-form" aria-labelledby={`${prefix}-heading`}>
      <Heading level={4} id={`${prefix}-heading`}>
        {t('learning:line.addHeading')}
      </Heading>
      {change.error ? <MkbaError error={change.error} /> : <ErrorSummary fields={fieldErrors} />}
      {change.isSuccess ? (
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
      <Button type="submit" appearance="primary" busy={change.isPending}>
        {t('learning:line.add')}
      </Button>
    </form>
  );
}

function AddMeasureForm({ mkbaId, alternative }: { mkbaId: string; alternative: Alternative }) {
  const { t } = useTranslation();
  const change = useMkbaChange(mkbaId);
  const [name, setName] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!name.trim());
    if (!name.trim()) return;
    change.mutate({ method: 'POST', path: `/api/v1/mkba-alternatives/${alternative.id}/measures`, body: { name } }, { onSuccess: () => setName('') });
  };
  return (
    <form onSubmit={submit} noValidate className="wr-form wr-mkba-inline-form">
      {change.error ? <MkbaError error={change.error} /> : null}
      <TextField id={`measure-${alternative.id}`} label={t('learning:measure.name')} value={name} onChange={(event) => setName(event.target.value)} error={missing ? t('learning:form.required') : undefined} />
      <Button type="submit" busy={change.isPending}>
        {t('learning:measure.add')}
      </Button>
    </form>
  );
}

/** One project alternative: its measures, its year × actor table, its PM items and the forms to add to it. */
export function AlternativeSection({ mkba, alternative, canManage }: { mkba: MkbaDetail; alternative: Alternative; canManage: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="wr-card wr-mkba-alternative" aria-labelledby={`alt-${alternative.id}`}>
      <Heading level={3} id={`alt-${alternative.id}`}>
        {alternative.name}
      </Heading>
      {alternative.description ? <p className="utrecht-paragraph">{alternative.description}</p> : null}
      <p className="utrecht-paragraph">
        <strong>{t('learning:measure.heading')}:</strong> {alternative.measures.length ? alternative.measures.map((m) => m.name).join(', ') : t('learning:measure.none')}
      </p>
      <div className="wr-mkba-result__top">
        <YearActorTable alternative={alternative} />
        <PmList items={alternative.lines.filter((l) => l.amountCents === null)} />
      </div>
      <LineList mkbaId={mkba.id} alternative={alternative} canManage={canManage} />
      {canManage ? (
        <>
          <AddLineForm mkba={mkba} alternative={alternative} />
          <AddMeasureForm mkbaId={mkba.id} alternative={alternative} />
        </>
      ) : null}
    </section>
  );
}
