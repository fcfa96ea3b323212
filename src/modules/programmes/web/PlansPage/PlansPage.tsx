import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import { ExampleBadge } from '../components/StatusBadges';
import { useChoosableAreas, useCreatePlan, usePlans, useProgrammes, type PlanSummary } from '../programmes-api';
import '../programmes.css';
import { fieldMessages, serverFieldLinksWith } from '../../../../platform/web/i18n/field-error-message';

function NewPlanForm() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const programmes = useProgrammes();
  const [programmeId, setProgrammeId] = useState('');
  const programme = (programmes.data ?? []).find((p) => p.id === programmeId);
  const areas = useChoosableAreas(programme?.municipalityCode ?? 'GM0505');
  const [area, setArea] = useState('');
  const [title, setTitle] = useState('');
  const [focusLimit, setFocusLimit] = useState('3');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreatePlan();
  const serverErrors = fieldMessages(create.error, t, i18n.language);
  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!area) found.area = t('programmes:form.required');
    if (!title.trim()) found.title = t('programmes:form.required');
    if (!/^([1-9]|10)$/.test(focusLimit)) found.focusLimit = t('programmes:plans.focusLimitRange');
    setErrors(found);
    if (Object.keys(found).length === 0) create.mutate({ programmeId: programmeId || null, area, title: title.trim(), focusLimit: Number(focusLimit) }, { onSuccess: (plan) => void navigate(`/wijkplannen/${plan.id}`) });
  }
  const labels: Record<string, string> = { area: t('programmes:plans.area'), title: t('programmes:plans.planTitle'), focusLimit: t('programmes:plans.focusLimit') };
  const summary = Object.entries(errors).map(([field, message]) => ({ fieldId: `plan-${field}`, label: labels[field] ?? field, message }));
  return (
    <form className="utrecht-form" noValidate onSubmit={submit}>
      {summary.length ? <ErrorSummary fields={summary} /> : <ErrorSummary error={create.error} fields={serverFieldLinksWith(create.error, t, i18n.language, (field) => (labels[field] ? { id: `plan-${field}`, label: labels[field] } : null))} />}
      <div className="wr-form-grid">
        <SelectField id="plan-programme" label={t('programmes:plans.programme')} optionalText={t('programmes:form.optional')} placeholder={t('programmes:plans.noProgramme')} options={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))} value={programmeId} onChange={(e) => setProgrammeId(e.target.value)} />
        <SelectField id="plan-area" label={labels.area} placeholder={t('programmes:goal.chooseArea')} options={(areas.data ?? []).map((a) => ({ value: a.code, label: a.name }))} value={area} error={errors.area ?? serverErrors.area} onChange={(e) => setArea(e.target.value)} />
        <TextField id="plan-title" className="wr-form-grid__wide" label={labels.title} maxLength={300} value={title} error={errors.title ?? serverErrors.title} onChange={(e) => setTitle(e.target.value)} />
        <TextField id="plan-focusLimit" className="wr-field--short" label={labels.focusLimit} description={t('programmes:plans.focusLimitDescription')} inputMode="numeric" value={focusLimit} error={errors.focusLimit ?? serverErrors.focusLimit} onChange={(e) => setFocusLimit(e.target.value)} />
      </div>
      <Button type="submit" appearance="primary" busy={create.isPending}>
        {t('programmes:plans.create')}
      </Button>
    </form>
  );
}

/** Neighbourhood development plans per area. */
export default function PlansPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const plans = usePlans();
  const columns: Column<PlanSummary>[] = [
    {
      key: 'title',
      header: t('programmes:plans.planTitle'),
      rowHeader: true,
      render: (p) => (
        <>
          <Link className="utrecht-link utrecht-link--html-a" to={`/wijkplannen/${p.id}`}>
            {p.title}
          </Link>{' '}
          {p.isDemo ? <ExampleBadge /> : null}
        </>
      ),
    },
    { key: 'area', header: t('programmes:plans.area'), render: (p) => p.area.name },
    { key: 'focus', header: t('programmes:plans.priorities'), render: (p) => t('programmes:plans.focusUse', { active: p.activePriorities, limit: p.focusLimit }) },
  ];
  return (
    <Page title={t('programmes:plans.title')} lead={t('programmes:plans.lead')}>
      <QueryState isPending={plans.isPending} error={plans.error} onRetry={() => void plans.refetch()} />
      {plans.data ? <Table caption={t('programmes:plans.title')} captionHidden columns={columns} rows={plans.data} rowKey={(p) => p.id} empty={t('programmes:plans.empty')} /> : null}
      {hasPermission(user, 'plans.manage') ? (
        <Section title={t('programmes:plans.new')} id="new-plan">
          <NewPlanForm />
        </Section>
      ) : null}
    </Page>
  );
}
