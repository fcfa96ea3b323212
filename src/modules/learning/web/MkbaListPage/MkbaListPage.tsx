import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import { calendarDayOf } from '../../../../platform/shared/time';
import { STANDARD_DISCOUNT_RATE, type MkbaSummary } from '../../contract';
import { formatPercent, parsePercent } from '../format';
import { useAreaChoices, useCreateMkba, useMkbas } from '../mkba-api';
import '../learning.css';
import { MkbaError } from '../components/MkbaError';

function byArea(items: readonly MkbaSummary[]): [string, MkbaSummary[]][] {
  const groups = new Map<string, MkbaSummary[]>();
  for (const item of items) groups.set(item.areaName, [...(groups.get(item.areaName) ?? []), item]);
  return [...groups.entries()];
}

function CreateForm() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const focus = useAreaChoices('focus');
  const wijken = useAreaChoices('wijk');
  const create = useCreateMkba();
  const thisYear = Number(calendarDayOf(new Date()).slice(0, 4));
  const [form, setForm] = useState({ areaCode: '', name: '', nullAlternative: '', baseYear: String(thisYear), horizonYears: '10', rate: formatPercent(STANDARD_DISCOUNT_RATE, i18n.language).replace(' %', ''), rateJustification: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrorLink[]>([]);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  const options = [
    ...(focus.data ?? []).map((a) => ({ value: a.code, label: t('learning:create.focusArea', { name: a.name }) })),
    ...(wijken.data ?? []).map((a) => ({ value: a.code, label: t('learning:create.wijk', { name: a.name }) })),
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldErrorLink[] = [];
    const rate = parsePercent(form.rate);
    const need = (ok: boolean, fieldId: string, label: string, message: string) => (ok ? null : errors.push({ fieldId, label, message }));
    need(form.areaCode !== '', 'mkba-area', t('learning:create.area'), t('learning:form.choose'));
    need(form.name.trim() !== '', 'mkba-name', t('learning:create.name'), t('learning:form.required'));
    need(form.nullAlternative.trim() !== '', 'mkba-null', t('learning:create.nullAlternative'), t('learning:form.required'));
    need(/^\d{4}$/.test(form.baseYear), 'mkba-base-year', t('learning:create.baseYear'), t('learning:form.year'));
    need(/^\d{1,3}$/.test(form.horizonYears) && Number(form.horizonYears) >= 1 && Number(form.horizonYears) <= 100, 'mkba-horizon', t('learning:create.horizon'), t('learning:form.horizon'));
    need(rate !== null && rate <= 15, 'mkba-rate', t('learning:rate.label'), t('learning:form.rate'));
    setFieldErrors(errors);
    if (errors.length > 0) return;
    create.mutate(
      {
        areaCode: form.areaCode,
        name: form.name,
        nullAlternative: form.nullAlternative,
        baseYear: Number(form.baseYear),
        horizonYears: Number(form.horizonYears),
        discountRate: rate ?? STANDARD_DISCOUNT_RATE,
        rateJustification: form.rateJustification.trim() || null,
      },
      { onSuccess: (mkba) => void navigate(`/mkba/${mkba.id}`) },
    );
  };
  const error = (id: string) => fieldErrors.find((f) => f.fieldId === id)?.message;

  return (
    <Section title={t('learning:create.heading')} id="mkba-create">
      <form onSubmit={submit} noValidate className="wr-form">
        {create.error ? <MkbaError error={create.error} /> : <ErrorSummary fields={fieldErrors} />}
        <SelectField id="mkba-area" label={t('learning:create.area')} options={options} placeholder={t('learning:create.areaPlaceholder')} value={form.areaCode} onChange={set('areaCode')} error={error('mkba-area')} />
        <TextField id="mkba-name" label={t('learning:create.name')} description={t('learning:create.nameHint')} value={form.name} onChange={set('name')} error={error('mkba-name')} />
        <TextAreaField id="mkba-null" label={t('learning:create.nullAlternative')} description={t('learning:create.nullAlternativeHint')} value={form.nullAlternative} onChange={set('nullAlternative')} error={error('mkba-null')} rows={3} />
        <div className="wr-mkba-row">
          <TextField id="mkba-base-year" label={t('learning:create.baseYear')} description={t('learning:create.baseYearHint')} inputMode="numeric" value={form.baseYear} onChange={set('baseYear')} error={error('mkba-base-year')} />
          <TextField id="mkba-horizon" label={t('learning:create.horizon')} description={t('learning:create.horizonHint')} inputMode="numeric" value={form.horizonYears} onChange={set('horizonYears')} error={error('mkba-horizon')} />
          <TextField id="mkba-rate" label={t('learning:rate.label')} description={t('learning:rate.hint')} inputMode="decimal" value={form.rate} onChange={set('rate')} error={error('mkba-rate')} />
        </div>
        <TextAreaField id="mkba-justification" label={t('learning:rate.justification')} description={t('learning:rate.justificationHint')} optionalText={t('learning:form.optional')} value={form.rateJustification} onChange={set('rateJustification')} rows={2} />
        <Button appearance="primary" type="submit" busy={create.isPending}>
          {t('learning:create.submit')}
        </Button>
      </form>
    </Section>
  );
}

/** The MKBAs per area, and the form to start one. */
export default function MkbaListPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const list = useMkbas();
  return (
    <Page title={t('learning:list.title')} lead={t('learning:list.lead')}>
      <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} />
      {list.data ? (
        <Section title={t('learning:list.heading')} id="mkba-list">
          {list.data.length === 0 ? <p className="utrecht-paragraph">{t('learning:list.none')}</p> : null}
          {byArea(list.data).map(([area, items]) => (
            <div key={area} className="wr-mkba-area">
              <h3 className="utrecht-heading-3">{area}</h3>
              <ul className="utrecht-unordered-list">
                {items.map((m) => (
                  <li key={m.id} className="utrecht-unordered-list__item">
                    <Link className="utrecht-link utrecht-link--html-a" to={`/mkba/${m.id}`}>
                      {m.name}
                    </Link>{' '}
                    <span className="wr-muted">{t('learning:list.facts', { from: m.baseYear, to: m.baseYear + m.horizonYears, rate: formatPercent(m.discountRate, i18n.language), count: m.alternativeCount })}</span>
                    {m.isDemo ? <span className="wr-tag">{t('learning:demo')}</span> : null}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </Section>
      ) : null}
      {hasPermission(user, 'mkba.manage') ? <CreateForm /> : null}
    </Page>
  );
}
