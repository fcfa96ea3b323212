import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../../../platform/web/components/FormField';
import { Section } from '../../../../platform/web/components/Page';
import { StatusBadge } from '../../../../platform/web/components/StatusBadge';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { formatDate, formatDateTime } from '../../../../platform/web/i18n/format';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import { OUTCOMES, type ConditionView, type Outcome, type ScanDetail } from '../../contract';
import { ProblemAlert } from '../components/ProblemAlert';
import { documentUrl, scanCalls, usePeople, useScanChange } from '../spatial-api';

interface ConditionDraft {
  key: number;
  text: string;
  ownerUserId: string;
  dueDate: string;
}

/** Give and sign the advice; conditions (voorwaardelijk gunstig) each get an owner and a deadline. */
function AdviceForm({ scan }: { scan: ScanDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const people = usePeople(scan.id, true);
  const change = useScanChange(scan.id);
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [motivation, setMotivation] = useState('');
  const [conditions, setConditions] = useState<ConditionDraft[]>([{ key: 1, text: '', ownerUserId: '', dueDate: '' }]);
  const [fields, setFields] = useState<FieldErrorLink[]>([]);
  const conditional = outcome === 'voorwaardelijk_gunstig';
  const update = (key: number, patch: Partial<ConditionDraft>) => setConditions((list) => list.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  const errorOf = (id: string) => fields.find((f) => f.fieldId === id)?.message;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrorLink[] = [];
    if (!outcome) found.push({ fieldId: 'sa-outcome', label: t('spatialadvice:advice.outcome'), message: t('spatialadvice:advice.chooseOutcome') });
    if (!motivation.trim()) found.push({ fieldId: 'sa-motivation', label: t('spatialadvice:advice.motivation'), message: t('spatialadvice:advice.fillMotivation') });
    if (conditional) {
      if (conditions.length === 0) found.push({ fieldId: 'sa-add-condition', label: t('spatialadvice:advice.conditions'), message: t('spatialadvice:advice.needCondition') });
      conditions.forEach((c, i) => {
        const label = t('spatialadvice:advice.condition', { n: i + 1 });
        if (!c.text.trim()) found.push({ fieldId: `sa-cond-${c.key}-text`, label, message: t('spatialadvice:advice.fillCondition') });
        if (!c.ownerUserId) found.push({ fieldId: `sa-cond-${c.key}-owner`, label, message: t('spatialadvice:advice.chooseOwner') });
        if (!c.dueDate) found.push({ fieldId: `sa-cond-${c.key}-due`, label, message: t('spatialadvice:advice.fillDue') });
      });
    }
    setFields(found);
    if (found.length || !outcome) return;
    change.mutate(
      scanCalls.advice(scan.id, {
        outcome,
        motivation: motivation.trim(),
        conditions: conditional ? conditions.map((c) => ({ text: c.text.trim(), ownerUserId: c.ownerUserId, dueDate: c.dueDate })) : [],
      }),
    );
  };
  const owners = (people.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.organisation})` }));
  return (
    <form onSubmit={submit} noValidate aria-labelledby="sa-advice-heading">
      <ErrorSummary fields={fields} />
      <ProblemAlert error={change.error} />
      <SelectField id="sa-outcome" label={t('spatialadvice:advice.outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)} placeholder={t('spatialadvice:advice.outcomePlaceholder')} options={OUTCOMES.map((o) => ({ value: o, label: t(`spatialadvice:outcomes.${o}`) }))} error={errorOf('sa-outcome')} />
      <TextAreaField id="sa-motivation" label={t('spatialadvice:advice.motivation')} value={motivation} onChange={(e) => setMotivation(e.target.value)} rows={5} maxLength={8000} error={errorOf('sa-motivation')} />
      {conditional ? (
        <fieldset className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset wr-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('spatialadvice:advice.conditions')}</legend>
          <p className="utrecht-paragraph">{t('spatialadvice:advice.conditionsHint')}</p>
          {conditions.map((c, i) => (
            <div key={c.key} className="wr-sa-condition" role="group" aria-label={t('spatialadvice:advice.condition', { n: i + 1 })}>
              <TextAreaField id={`sa-cond-${c.key}-text`} label={t('spatialadvice:advice.conditionText')} value={c.text} onChange={(e) => update(c.key, { text: e.target.value })} rows={2} maxLength={2000} error={errorOf(`sa-cond-${c.key}-text`)} />
              <SelectField id={`sa-cond-${c.key}-owner`} label={t('spatialadvice:advice.owner')} value={c.ownerUserId} onChange={(e) => update(c.key, { ownerUserId: e.target.value })} placeholder={t('spatialadvice:advice.ownerPlaceholder')} options={owners} description={people.data && owners.length === 0 ? t('spatialadvice:advice.nobodyHere') : undefined} error={errorOf(`sa-cond-${c.key}-owner`)} />
              <TextField id={`sa-cond-${c.key}-due`} type="date" label={t('spatialadvice:advice.due')} value={c.dueDate} onChange={(e) => update(c.key, { dueDate: e.target.value })} error={errorOf(`sa-cond-${c.key}-due`)} />
              <Button appearance="subtle" onClick={() => setConditions((list) => list.filter((x) => x.key !== c.key))}>
                {t('spatialadvice:advice.removeCondition', { n: i + 1 })}
              </Button>
            </div>
          ))}
          <Button id="sa-add-condition" onClick={() => setConditions((list) => [...list, { key: Math.max(0, ...list.map((x) => x.key)) + 1, text: '', ownerUserId: '', dueDate: '' }])}>
            {t('spatialadvice:advice.addCondition')}
          </Button>
        </fieldset>
      ) : null}
      <p className="utrecht-paragraph">{t('spatialadvice:advice.signNote', { name: user.displayName })}</p>
      <Button type="submit" appearance="primary" busy={change.isPending}>
        {t('spatialadvice:advice.submit')}
      </Button>
    </form>
  );
}

/** The signed advice: read-only, its conditions as actions whose owner (or a manager) marks them done. */
function SignedAdvice({ scan, advice }: { scan: ScanDetail; advice: NonNullable<ScanDetail['advice']> }) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const change = useScanChange(scan.id);
  const columns: Column<ConditionView>[] = [
    { key: 'text', header: t('spatialadvice:advice.conditionColumn'), rowHeader: true, render: (c) => c.text },
    { key: 'owner', header: t('spatialadvice:advice.actionOwner'), render: (c) => c.ownerName },
    { key: 'due', header: t('spatialadvice:advice.actionDue'), render: (c) => formatDate(c.dueDate, i18n.language) },
    {
      key: 'status',
      header: t('spatialadvice:advice.actionStatus'),
      render: (c) => (
        <>
          <StatusBadge status={c.status === 'done' ? 'active' : c.status === 'cancelled' ? 'neutral' : c.overdue ? 'danger' : 'warning'}>{t(`spatialadvice:advice.conditionStatuses.${c.status}`)}</StatusBadge>
          {c.overdue ? (
            <>
              {' '}
              <StatusBadge status="danger">{t('spatialadvice:advice.overdue')}</StatusBadge>
            </>
          ) : null}
        </>
      ),
    },
    {
      key: 'do',
      header: t('spatialadvice:list.actions'),
      render: (c) =>
        // After signing the scan's `can.manage` is false; changing a condition stays with managers of advices.
        hasPermission(user, 'spatialadvice.manage') || c.ownerUserId === user.id ? (
          <Button busy={change.isPending} onClick={() => change.mutate(scanCalls.condition(c.id, c.status === 'open' ? 'done' : 'open'))}>
            {c.status === 'open' ? t('spatialadvice:advice.markDone') : t('spatialadvice:advice.reopen')}
            <span className="wr-visually-hidden">: {c.text}</span>
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <p className="utrecht-paragraph">
        <StatusBadge status={advice.outcome === 'ongunstig' ? 'danger' : advice.outcome === 'gunstig' ? 'active' : 'warning'}>{t(`spatialadvice:outcomes.${advice.outcome}`)}</StatusBadge>
      </p>
      <p className="utrecht-paragraph wr-sa-pre">{advice.motivation}</p>
      <p className="utrecht-paragraph wr-muted">{t('spatialadvice:advice.signed', { name: advice.signedName, date: formatDateTime(advice.signedAt, i18n.language) })}</p>
      <ProblemAlert error={change.error} />
      {advice.conditions.length ? <Table caption={t('spatialadvice:advice.conditions')} columns={columns} rows={advice.conditions} rowKey={(c) => c.id} /> : null}
      <h3 className="utrecht-heading-3 wr-sa-download">{t('spatialadvice:advice.download')}</h3>
      <ButtonGroup>
        <a className="utrecht-link utrecht-link--html-a" href={documentUrl(scan.id, 'docx')} download>
          {t('spatialadvice:advice.docx')}
        </a>
        <a className="utrecht-link utrecht-link--html-a" href={documentUrl(scan.id, 'pdf')} download>
          {t('spatialadvice:advice.pdf')}
        </a>
      </ButtonGroup>
    </>
  );
}

export function AdviceSection({ scan }: { scan: ScanDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('spatialadvice:advice.heading')} id="sa-advice">
      {scan.advice ? <SignedAdvice scan={scan} advice={scan.advice} /> : scan.can.manage ? <AdviceForm scan={scan} /> : <p className="utrecht-paragraph">{t('spatialadvice:advice.none')}</p>}
    </Section>
  );
}
