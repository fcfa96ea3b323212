import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary } from '../../../../platform/web/components/ErrorSummary';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import { ActivityMoney } from '../../../finance/web/index';
import type { ActivityDetail, ActivityInput, ProgrammeDetail, ProgrammeOptions } from '../../contract';
import { useActivity, useChoosableAreas, useProgramme, useProgrammeOptions, useSaveActivity } from '../programmes-api';
import '../programmes.css';
import { fieldMessages, serverFieldLinksWith } from '../../../../platform/web/i18n/field-error-message';

interface Values {
  name: string;
  description: string;
  executionProgrammeId: string;
  ownerOrganisationId: string;
  ownerUserId: string;
  partnerOrganisationIds: string[];
  areas: string[];
  strategicGoalIds: string[];
  operationalGoalIds: string[];
  start: string;
  end: string;
  milestoneName: string;
  milestoneDate: string;
}

function initialValues(programme: ProgrammeDetail, activity: ActivityDetail | undefined): Values {
  return {
    name: activity?.name ?? '',
    description: activity?.description ?? '',
    executionProgrammeId: activity?.executionProgrammeId ?? programme.executionProgrammes[0]?.id ?? '',
    ownerOrganisationId: activity?.owner.organisationId ?? '',
    ownerUserId: activity?.owner.userId ?? '',
    partnerOrganisationIds: activity?.partners.map((p) => p.id) ?? [],
    areas: activity?.areas.map((a) => a.code) ?? [],
    strategicGoalIds: activity?.goals.filter((g) => g.kind === 'strategic').map((g) => g.id) ?? [],
    operationalGoalIds: activity?.goals.filter((g) => g.kind === 'operational').map((g) => g.id) ?? [],
    start: activity?.start ?? '',
    end: activity?.end ?? '',
    milestoneName: '',
    milestoneDate: '',
  };
}

const FIELD_LABEL_KEYS: Record<string, string> = {
  name: 'activities.name',
  ownerOrganisationId: 'activities.owner',
  start: 'activities.start',
  end: 'activities.end',
  milestoneDate: 'activities.milestoneDate',
  description: 'activities.description',
  ownerUserId: 'activities.ownerPerson',
};

function ActivityForm({ programme, options, activity }: { programme: ProgrammeDetail; options: ProgrammeOptions; activity?: ActivityDetail }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(() => initialValues(programme, activity));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const areas = useChoosableAreas(programme.municipalityCode);
  const save = useSaveActivity(programme.id, activity?.id);
  const serverErrors = fieldMessages(save.error, t, i18n.language);
  const errorOf = (field: string) => clientErrors[field] ?? serverErrors[field];
  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    // A corrected field stops showing its message; the summary is rebuilt at the next submit.
    setClientErrors((errors) => {
      if (!(field in errors)) return errors;
      const rest = { ...errors };
      delete rest[field as string];
      return rest;
    });
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const required = t('programmes:form.required');
    if (!values.name.trim()) errors.name = required;
    if (!values.ownerOrganisationId) errors.ownerOrganisationId = required;
    if (!values.start) errors.start = required;
    if (!values.end) errors.end = required;
    if (values.start && values.end && values.end < values.start) errors.end = t('programmes:activities.endAfterStart');
    if (values.milestoneName.trim() && !values.milestoneDate) errors.milestoneDate = required;
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    const input: ActivityInput = {
      name: values.name.trim(),
      description: values.description,
      executionProgrammeId: values.executionProgrammeId || null,
      ownerOrganisationId: values.ownerOrganisationId,
      ownerUserId: values.ownerUserId || null,
      partnerOrganisationIds: values.partnerOrganisationIds.filter((p) => p !== values.ownerOrganisationId),
      areas: values.areas,
      strategicGoalIds: values.strategicGoalIds,
      operationalGoalIds: values.operationalGoalIds,
      start: values.start,
      end: values.end,
      milestones: values.milestoneName.trim() ? [{ name: values.milestoneName.trim(), dueDate: values.milestoneDate }] : [],
    };
    save.mutate(input, { onSuccess: (saved) => void navigate(`/activiteiten/${saved.id}`) });
  }

  const summary = Object.entries(clientErrors).map(([field, message]) => ({ fieldId: `activity-${field}`, label: t(`programmes:${FIELD_LABEL_KEYS[field] ?? 'activities.name'}`), message }));
  const organisationOptions = options.organisations.map((o) => ({ value: o.id, label: o.name }));
  const ownerUsers = options.users.filter((u) => u.organisationId === values.ownerOrganisationId).map((u) => ({ value: u.id, label: u.name }));
  const areaOptions = [...programme.areas, ...(areas.data ?? []).filter((a) => !programme.areas.some((p) => p.code === a.code))].map((a) => ({ value: a.code, label: a.name }));
  return (
    <form className="utrecht-form" noValidate onSubmit={submit}>
      {summary.length ? <ErrorSummary fields={summary} /> : <ErrorSummary error={save.error} fields={serverFieldLinksWith(save.error, t, i18n.language, (field) => (FIELD_LABEL_KEYS[field] ? { id: `activity-${field}`, label: t(`programmes:${FIELD_LABEL_KEYS[field]}`) } : null))} />}
      <div className="wr-form-grid">
        <TextField id="activity-name" className="wr-form-grid__wide" label={t('programmes:activities.name')} maxLength={300} value={values.name} error={errorOf('name')} onChange={(e) => set('name', e.target.value)} />
        <TextAreaField id="activity-description" className="wr-form-grid__wide" label={t('programmes:activities.description')} optionalText={t('programmes:form.optional')} rows={3} maxLength={8000} value={values.description} error={errorOf('description')} onChange={(e) => set('description', e.target.value)} />
        <SelectField
          id="activity-ownerOrganisationId"
          label={t('programmes:activities.owner')}
          placeholder={t('programmes:activities.chooseOrganisation')}
          options={organisationOptions}
          value={values.ownerOrganisationId}
          error={errorOf('ownerOrganisationId')}
          onChange={(e) => setValues((v) => ({ ...v, ownerOrganisationId: e.target.value, ownerUserId: '' }))}
        />
        <SelectField
          id="activity-ownerUserId"
          label={t('programmes:activities.ownerPerson')}
          optionalText={t('programmes:form.optional')}
          placeholder={t('programmes:activities.noPerson')}
          options={ownerUsers}
          value={values.ownerUserId}
          error={errorOf('ownerUserId')}
          onChange={(e) => set('ownerUserId', e.target.value)}
        />
        <TextField id="activity-start" type="date" label={t('programmes:activities.start')} value={values.start} error={errorOf('start')} onChange={(e) => set('start', e.target.value)} />
        <TextField id="activity-end" type="date" label={t('programmes:activities.end')} value={values.end} error={errorOf('end')} onChange={(e) => set('end', e.target.value)} />
        {programme.executionProgrammes.length ? (
          <SelectField
            id="activity-executionProgrammeId"
            className="wr-form-grid__wide"
            label={t('programmes:activities.executionProgramme')}
            placeholder={t('programmes:activities.noExecutionProgramme')}
            options={programme.executionProgrammes.map((e) => ({ value: e.id, label: e.name }))}
            value={values.executionProgrammeId}
            onChange={(e) => set('executionProgrammeId', e.target.value)}
          />
        ) : null}
        <div className="wr-form-grid__wide">
          <CheckboxGroup id="activity-partnerOrganisationIds" name="partners" legend={t('programmes:activities.partners')} options={organisationOptions.filter((o) => o.value !== values.ownerOrganisationId)} value={values.partnerOrganisationIds} error={errorOf('partnerOrganisationIds')} onChange={(v) => set('partnerOrganisationIds', v)} />
        </div>
        <div className="wr-form-grid__wide">
          <CheckboxGroup id="activity-areas" name="areas" legend={t('programmes:activities.areas')} options={areaOptions} value={values.areas} error={errorOf('areas')} onChange={(v) => set('areas', v)} />
        </div>
        <div className="wr-form-grid__wide">
          <CheckboxGroup id="activity-strategicGoalIds" name="strategic" legend={t('programmes:activities.strategicGoals')} options={programme.strategicGoals.map((g) => ({ value: g.id, label: g.name }))} value={values.strategicGoalIds} error={errorOf('strategicGoalIds')} onChange={(v) => set('strategicGoalIds', v)} />
        </div>
        {programme.operationalGoals.length ? (
          <div className="wr-form-grid__wide">
            <CheckboxGroup id="activity-operationalGoalIds" name="operational" legend={t('programmes:activities.operationalGoals')} options={programme.operationalGoals.map((g) => ({ value: g.id, label: g.name }))} value={values.operationalGoalIds} error={errorOf('operationalGoalIds')} onChange={(v) => set('operationalGoalIds', v)} />
          </div>
        ) : null}
        <TextField id="activity-milestoneName" label={activity ? t('programmes:activities.extraMilestone') : t('programmes:activities.firstMilestone')} optionalText={t('programmes:form.optional')} maxLength={300} value={values.milestoneName} onChange={(e) => set('milestoneName', e.target.value)} />
        <TextField id="activity-milestoneDate" type="date" label={t('programmes:activities.milestoneDate')} optionalText={t('programmes:form.optional')} value={values.milestoneDate} error={errorOf('milestoneDate')} onChange={(e) => set('milestoneDate', e.target.value)} />
      </div>
      <div className="wr-form-actions">
        <Button type="submit" appearance="primary" busy={save.isPending}>
          {t('programmes:form.save')}
        </Button>
        <Link className="utrecht-link utrecht-link--html-a" to={activity ? `/activiteiten/${activity.id}` : `/programmas/${programme.id}/activiteiten`}>
          {t('programmes:form.cancel')}
        </Link>
      </div>
    </form>
  );
}

/** Plan a new activity in a programme, or change the plan of one. */
export default function ActivityFormPage() {
  const { t } = useTranslation();
  const { id, activityId } = useParams();
  const activity = useActivity(activityId);
  const programme = useProgramme(id ?? activity.data?.programmeId);
  const options = useProgrammeOptions();
  const ready = programme.data && options.data && (!activityId || activity.data);
  const user = useCurrentUser();
  return (
    <Page title={activityId ? t('programmes:activities.editTitle') : t('programmes:activities.newTitle')} lead={programme.data?.name}>
      <QueryState isPending={!ready && !programme.error && !options.error && !activity.error} error={programme.error ?? options.error ?? activity.error} />
      {ready && programme.data && options.data ? <ActivityForm programme={programme.data} options={options.data} {...(activity.data ? { activity: activity.data } : {})} /> : null}
      {/* Money is finance's: its section (lines, proposals, the form to propose one) sits beside the plan, outside its form. */}
      {ready && activityId ? (
        <div className="wr-activity-form-money">
          <ActivityMoney activityId={activityId} />
        </div>
      ) : null}
      {ready && !activityId && hasPermission(user, 'finance.propose') ? (
        <Section title={t('programmes:activities.moneyHeading')} id="activity-money-note">
          <p className="utrecht-paragraph">{t('programmes:activities.moneyAfterSave')}</p>
        </Section>
      ) : null}
    </Page>
  );
}
