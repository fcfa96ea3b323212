import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary } from '../../../../platform/web/components/ErrorSummary';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import type { AnalysisItem, PlanDetail } from '../../contract';
import { ActivityTimeline } from '../components/ActivityTimeline';
import { ExampleBadge } from '../components/StatusBadges';
import { formatIsoDate } from '../format';
import { todayIso, useAddAnalysisItem, useCatalogue, useChoosePriority, useEndPriority, usePlan, useProgrammeActivities, useRemoveAnalysisItem, useSetAgenda } from '../programmes-api';
import '../programmes.css';

function AnalysisList({ plan, kind, canManage }: { plan: PlanDetail; kind: AnalysisItem['kind']; canManage: boolean }) {
  const { t } = useTranslation();
  const remove = useRemoveAnalysisItem(plan.id);
  const items = plan.analysis.filter((i) => i.kind === kind);
  return (
    <div className={`wr-analysis wr-analysis--${kind}`}>
      <h3 className="utrecht-heading-3">{t(`programmes:plan.kinds.${kind}`)}</h3>
      {items.length === 0 ? <p className="utrecht-paragraph wr-muted">{t('programmes:plan.noItems')}</p> : null}
      <ul className="wr-plain-list">
        {items.map((item) => (
          <li key={item.id} className="wr-analysis__item">
            <p className="utrecht-paragraph">
              <strong>{item.theme}</strong> — {item.text}
            </p>
            {item.evidence.length ? (
              <p className="utrecht-paragraph wr-analysis__evidence">
                {t('programmes:plan.evidence')}:{' '}
                {item.evidence.map((e, i) => (
                  <span key={e.id}>
                    {i > 0 ? ', ' : ''}
                    {e.kind === 'indicator' ? (
                      <Link className="utrecht-link utrecht-link--html-a" to={`/gebieden/${plan.area.code}`}>
                        {e.label}
                      </Link>
                    ) : (
                      e.label
                    )}
                  </span>
                ))}
              </p>
            ) : null}
            {canManage ? (
              <Button appearance="subtle" busy={remove.isPending} onClick={() => remove.mutate(item.id)}>
                {t('programmes:form.remove', { what: item.theme })}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function AddAnalysisItem({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const add = useAddAnalysisItem(plan.id);
  const [kind, setKind] = useState<'strength' | 'bottleneck'>('bottleneck');
  const [theme, setTheme] = useState('');
  const [text, setText] = useState('');
  const [indicator, setIndicator] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!theme.trim()) found.theme = t('programmes:form.required');
    if (!text.trim()) found.text = t('programmes:form.required');
    setErrors(found);
    if (Object.keys(found).length === 0) {
      add.mutate({ kind, theme: theme.trim(), text: text.trim(), indicators: indicator ? [indicator] : [] }, { onSuccess: () => { setTheme(''); setText(''); setIndicator(''); } });
    }
  }
  const summary = Object.entries(errors).map(([field, message]) => ({ fieldId: `analysis-${field}`, label: t(`programmes:plan.${field}`), message }));
  return (
    <form className="utrecht-form wr-card" noValidate onSubmit={submit}>
      <h3 className="utrecht-heading-3 wr-card__heading">{t('programmes:plan.addItem')}</h3>
      {summary.length ? <ErrorSummary fields={summary} /> : <ErrorSummary error={add.error} />}
      <div className="wr-form-grid">
        <SelectField id="analysis-kind" label={t('programmes:plan.kind')} options={[{ value: 'bottleneck', label: t('programmes:plan.kinds.bottleneck') }, { value: 'strength', label: t('programmes:plan.kinds.strength') }]} value={kind} onChange={(e) => setKind(e.target.value === 'strength' ? 'strength' : 'bottleneck')} />
        <TextField id="analysis-theme" label={t('programmes:plan.theme')} maxLength={100} value={theme} error={errors.theme} onChange={(e) => setTheme(e.target.value)} />
        <TextAreaField id="analysis-text" className="wr-form-grid__wide" label={t('programmes:plan.text')} rows={3} maxLength={4000} value={text} error={errors.text} onChange={(e) => setText(e.target.value)} />
        <SelectField id="analysis-indicator" className="wr-form-grid__wide" label={t('programmes:plan.indicatorEvidence')} optionalText={t('programmes:form.optional')} placeholder={t('programmes:plan.noIndicator')} options={(catalogue.data ?? []).map((i) => ({ value: i.code, label: i.name }))} value={indicator} onChange={(e) => setIndicator(e.target.value)} />
      </div>
      <Button type="submit" appearance="primary" busy={add.isPending}>
        {t('programmes:plan.addItemButton')}
      </Button>
    </form>
  );
}

function Priorities({ plan, canManage }: { plan: PlanDetail; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const choose = useChoosePriority(plan.id);
  const end = useEndPriority(plan.id);
  const [theme, setTheme] = useState('');
  const [motivation, setMotivation] = useState('');
  const active = plan.priorities.filter((p) => p.endedOn === null);
  const ended = plan.priorities.filter((p) => p.endedOn !== null);
  const full = active.length >= plan.focusLimit;
  return (
    <>
      <p className="utrecht-paragraph">
        <strong>{t('programmes:plans.focusUse', { active: active.length, limit: plan.focusLimit })}</strong> — {t('programmes:plan.focusExplained', { limit: plan.focusLimit })}
      </p>
      <ol className="wr-priorities">
        {active.map((p) => (
          <li key={p.id} className="wr-priority">
            <strong>{p.theme}</strong> <span className="wr-muted">({t('programmes:plan.chosenOn', { date: formatIsoDate(p.chosenOn, i18n.language) })})</span>
            {p.motivation ? <p className="utrecht-paragraph">{p.motivation}</p> : null}
            {canManage ? (
              <Button appearance="subtle" busy={end.isPending} onClick={() => end.mutate({ priorityId: p.id, endedOn: todayIso() })}>
                {t('programmes:plan.endPriority', { theme: p.theme })}
              </Button>
            ) : null}
          </li>
        ))}
      </ol>
      {ended.length ? (
        <p className="utrecht-paragraph wr-muted">
          {t('programmes:plan.ended')}: {ended.map((p) => `${p.theme} (${formatIsoDate(p.endedOn, i18n.language)})`).join(', ')}
        </p>
      ) : null}
      <ErrorSummary error={choose.error ?? end.error} />
      {canManage ? (
        full ? (
          <Alert type="info">
            <p className="utrecht-paragraph">{t('programmes:plan.focusFull', { limit: plan.focusLimit })}</p>
          </Alert>
        ) : (
          <form
            className="utrecht-form wr-inline-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (theme.trim()) choose.mutate({ theme: theme.trim(), motivation, chosenOn: todayIso() }, { onSuccess: () => { setTheme(''); setMotivation(''); } });
            }}
          >
            <TextField id="priority-theme" label={t('programmes:plan.priorityTheme')} maxLength={100} value={theme} onChange={(e) => setTheme(e.target.value)} />
            <TextField id="priority-motivation" label={t('programmes:plan.motivation')} optionalText={t('programmes:form.optional')} maxLength={4000} value={motivation} onChange={(e) => setMotivation(e.target.value)} />
            <Button type="submit" busy={choose.isPending} disabled={!theme.trim()}>
              {t('programmes:plan.choosePriority')}
            </Button>
          </form>
        )
      ) : null}
    </>
  );
}

function AgendaEditor({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const activities = useProgrammeActivities(plan.programmeId ?? undefined);
  const setAgenda = useSetAgenda(plan.id);
  const [chosen, setChosen] = useState<string[] | null>(null);
  if (!plan.programmeId || !activities.data) return null;
  const value = chosen ?? plan.agenda.map((a) => a.id);
  return (
    <details className="wr-details">
      <summary>{t('programmes:plan.editAgenda')}</summary>
      <ErrorSummary error={setAgenda.error} />
      <CheckboxGroup id="agenda-activities" name="agenda" legend={t('programmes:plan.agendaActivities')} options={activities.data.map((a) => ({ value: a.id, label: a.name }))} value={value} onChange={setChosen} />
      <Button appearance="primary" busy={setAgenda.isPending} onClick={() => setAgenda.mutate(value, { onSuccess: () => setChosen(null) })}>
        {t('programmes:plan.saveAgenda')}
      </Button>
    </details>
  );
}

/** A neighbourhood development plan: analysis with evidence, the chosen priorities within the focus limit, and the execution agenda. */
export default function PlanPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const user = useCurrentUser();
  const plan = usePlan(id);
  const data = plan.data;
  const canManage = hasPermission(user, 'plans.manage');
  return (
    <Page title={data?.title ?? t('programmes:plans.title')} lead={data ? t('programmes:plan.lead', { area: data.area.name }) : undefined}>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a wr-back-link" to="/wijkplannen">
          {t('programmes:plan.back')}
        </Link>
      </p>
      <QueryState isPending={plan.isPending} error={plan.error} onRetry={() => void plan.refetch()} />
      {data ? (
        <>
          {data.isDemo ? (
            <Alert type="warning" heading={t('programmes:plan.demoHeading')}>
              <p className="utrecht-paragraph">
                <ExampleBadge /> {t('programmes:plan.demoText')}
              </p>
            </Alert>
          ) : null}
          {data.summary ? <p className="utrecht-paragraph">{data.summary}</p> : null}
          <Section title={t('programmes:plan.analysis')} id="analysis">
            <div className="wr-analysis-columns">
              <AnalysisList plan={data} kind="strength" canManage={canManage} />
              <AnalysisList plan={data} kind="bottleneck" canManage={canManage} />
            </div>
            <p className="utrecht-paragraph">
              <Link className="utrecht-link utrecht-link--html-a" to={`/gebieden/${data.area.code}`}>
                {t('programmes:plan.profileLink', { area: data.area.name })}
              </Link>
            </p>
            {canManage ? <AddAnalysisItem plan={data} /> : null}
          </Section>
          <Section title={t('programmes:plan.priorities')} id="priorities">
            <Priorities plan={data} canManage={canManage} />
          </Section>
          <Section title={t('programmes:plan.agenda')} id="agenda">
            <ActivityTimeline activities={data.agenda} today={todayIso()} caption={t('programmes:plan.agendaCaption', { area: data.area.name })} />
            {canManage ? <AgendaEditor plan={data} /> : null}
          </Section>
        </>
      ) : null}
    </Page>
  );
}
