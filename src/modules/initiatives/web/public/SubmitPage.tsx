import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { serverFieldLinksWith } from '../../../../platform/web/i18n/field-error-message';
import type { Submitted } from '../../contract';
import { useInitiativeOptions, useSubmitInitiative } from '../initiatives-api';
import { parseEuros } from '../money-input';
import { initiativeProblem } from '../problems';

type Field = 'title' | 'description' | 'areaCode' | 'place' | 'costCents' | 'goalId' | 'name' | 'email' | 'phone';
const FIELDS: Field[] = ['title', 'description', 'areaCode', 'place', 'costCents', 'goalId', 'name', 'email', 'phone'];
const id = (field: Field) => `initiative-${field}`;

/** A resident submits an initiative, without an account (/bewoners/initiatief-indienen). */
export default function SubmitPage() {
  const { t, i18n } = useTranslation();
  const options = useInitiativeOptions();
  const submit = useSubmitInitiative();
  const [values, setValues] = useState<Record<Field, string>>({ title: '', description: '', areaCode: '', place: '', costCents: '', goalId: '', name: '', email: '', phone: '' });
  const [errors, setErrors] = useState<FieldErrorLink[]>([]);
  const [done, setDone] = useState<Submitted | null>(null);
  const label = (field: Field) => t(`initiatives:submit.fields.${field}`);
  const set = (field: Field) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value, ...(field === 'areaCode' ? { goalId: '' } : {}) }));

  const area = options.data?.areas.find((a) => a.code === values.areaCode);
  const areaOptions = useMemo(
    () => (options.data?.areas ?? []).map((a) => ({ value: a.code, label: a.level === 'wijk' ? t('initiatives:submit.wijkOption', { name: a.name }) : t('initiatives:submit.buurtOption', { name: a.name, wijk: a.wijkName }) })),
    [options.data, t],
  );
  const goalOptions = (options.data?.goals ?? []).filter((g) => area?.goalIds.includes(g.id)).map((g) => ({ value: g.id, label: g.name }));

  function check(): FieldErrorLink[] {
    const found: FieldErrorLink[] = [];
    const need = (field: Field, ok: boolean, key = 'required') => {
      if (!ok) found.push({ fieldId: id(field), label: label(field), message: t(`initiatives:submit.errors.${field}.${key}`) });
    };
    need('title', values.title.trim().length > 0);
    need('description', values.description.trim().length > 0);
    need('areaCode', Boolean(values.areaCode));
    const cost = parseEuros(values.costCents);
    need('costCents', cost !== null && cost > 0, values.costCents.trim() ? 'amount' : 'required');
    need('goalId', Boolean(values.goalId));
    need('name', values.name.trim().length > 0);
    need('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim()), values.email.trim() ? 'format' : 'required');
    need('phone', /^[0-9+()\s-]*$/.test(values.phone), 'format');
    return found;
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = check();
    setErrors(found);
    if (found.length) return;
    submit.mutate(
      {
        title: values.title.trim(),
        description: values.description.trim(),
        areaCode: values.areaCode,
        place: values.place.trim(),
        costCents: parseEuros(values.costCents) ?? 0,
        goalId: values.goalId,
        contact: { name: values.name.trim(), email: values.email.trim(), phone: values.phone.trim() },
      },
      { onSuccess: (result) => setDone(result) },
    );
  }

  const serverErrors = serverFieldLinksWith(submit.error, t, i18n.language, (field) => {
    const name = (field.startsWith('contact.') ? field.slice('contact.'.length) : field) as Field;
    return FIELDS.includes(name) ? { id: id(name), label: label(name) } : null;
  });
  const shown = errors.length ? errors : serverErrors;
  const errorFor = (field: Field) => shown.find((e) => e.fieldId === id(field))?.message;

  if (done) {
    const link = `${window.location.origin}${done.followPath}`;
    return (
      <Page title={t('initiatives:submit.doneTitle')}>
        <Alert type="ok" live="status" heading={t('initiatives:submit.doneHeading')}>
          <p className="utrecht-paragraph">{t('initiatives:submit.doneText')}</p>
          <p className="utrecht-paragraph wr-initiative-link">
            <Link className="utrecht-link utrecht-link--html-a" to={done.followPath}>
              {link}
            </Link>
          </p>
          <p className="utrecht-paragraph">{t('initiatives:submit.doneKeep')}</p>
        </Alert>
      </Page>
    );
  }

  return (
    <Page title={t('initiatives:submit.title')} lead={t('initiatives:submit.lead')}>
      <QueryState isPending={options.isPending} error={options.error} onRetry={() => void options.refetch()} />
      {options.data ? (
        <form className="wr-form" onSubmit={onSubmit} noValidate aria-labelledby="page-heading">
          <ErrorSummary fields={shown} />
          {submit.error && !shown.length ? (
            <Alert type="error" live="alert">
              <p className="utrecht-paragraph">{initiativeProblem(submit.error, t)}</p>
            </Alert>
          ) : null}
          <Section title={t('initiatives:submit.what')}>
            <TextField id={id('title')} label={label('title')} description={t('initiatives:submit.hints.title')} value={values.title} onChange={set('title')} error={errorFor('title')} maxLength={150} />
            <TextAreaField id={id('description')} label={label('description')} description={t('initiatives:submit.hints.description')} value={values.description} onChange={set('description')} error={errorFor('description')} rows={6} maxLength={4000} />
            <TextField id={id('costCents')} label={label('costCents')} description={t('initiatives:submit.hints.costCents')} value={values.costCents} onChange={set('costCents')} error={errorFor('costCents')} inputMode="decimal" autoComplete="off" />
          </Section>
          <Section title={t('initiatives:submit.where')}>
            <SelectField id={id('areaCode')} label={label('areaCode')} description={t('initiatives:submit.hints.areaCode')} options={areaOptions} placeholder={t('initiatives:submit.choose')} value={values.areaCode} onChange={set('areaCode')} error={errorFor('areaCode')} />
            <TextField id={id('place')} label={label('place')} optionalText={t('initiatives:submit.optional')} description={t('initiatives:submit.hints.place')} value={values.place} onChange={set('place')} error={errorFor('place')} maxLength={300} />
            <SelectField
              id={id('goalId')}
              label={label('goalId')}
              description={area ? t('initiatives:submit.hints.goalId') : t('initiatives:submit.hints.goalFirstArea')}
              options={goalOptions}
              placeholder={t('initiatives:submit.choose')}
              value={values.goalId}
              onChange={set('goalId')}
              error={errorFor('goalId')}
              disabled={!area}
            />
          </Section>
          <Section title={t('initiatives:submit.contact')}>
            <p className="utrecht-paragraph">{t('initiatives:submit.privacy')}</p>
            <TextField id={id('name')} label={label('name')} value={values.name} onChange={set('name')} error={errorFor('name')} autoComplete="name" maxLength={200} />
            <TextField id={id('email')} label={label('email')} type="email" value={values.email} onChange={set('email')} error={errorFor('email')} autoComplete="email" maxLength={254} />
            <TextField id={id('phone')} label={label('phone')} optionalText={t('initiatives:submit.optional')} type="tel" value={values.phone} onChange={set('phone')} error={errorFor('phone')} autoComplete="tel" maxLength={40} />
          </Section>
          <Button type="submit" appearance="primary" busy={submit.isPending}>
            {t('initiatives:submit.send')}
          </Button>
        </form>
      ) : null}
    </Page>
  );
}
