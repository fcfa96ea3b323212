import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Button, ButtonGroup } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { TextAreaField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import type { TriggerSummary } from '../../contract';
import { AdviceMap } from '../components/AdviceMap';
import { ProblemAlert } from '../components/ProblemAlert';
import { useDismissTrigger, useTriggers } from '../spatial-api';
import '../spatialadvice.css';
import { HotspotTriggerForm, ManualTriggerForm, PlanCheck } from './RaiseForms';
import { TriggerTable } from './TriggerTable';

/** Close an open trigger without an advice; the reason is kept and shown. */
function DismissForm({ trigger, onClose }: { trigger: TriggerSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const dismiss = useDismissTrigger();
  const [reason, setReason] = useState('');
  const [fields, setFields] = useState<FieldErrorLink[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = reason.trim() ? [] : [{ fieldId: 'sa-dismiss-reason', label: t('spatialadvice:list.dismissReason'), message: t('spatialadvice:list.dismissReason') }];
    setFields(found);
    if (!found.length) dismiss.mutate({ id: trigger.id, reason: reason.trim() }, { onSuccess: onClose });
  };
  return (
    <Section title={`${t('spatialadvice:list.dismiss')}: ${trigger.placeName}`} id="sa-dismiss">
      <form onSubmit={submit} noValidate>
        <ErrorSummary fields={fields} />
        <ProblemAlert error={dismiss.error} />
        <TextAreaField id="sa-dismiss-reason" label={t('spatialadvice:list.dismissReason')} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={2000} error={fields[0]?.message} autoFocus />
        <ButtonGroup>
          <Button type="submit" appearance="primary" busy={dismiss.isPending}>
            {t('spatialadvice:list.dismissSubmit')}
          </Button>
          <Button appearance="subtle" onClick={onClose}>
            {t('spatialadvice:list.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </Section>
  );
}

/**
 * Where an advice is needed, where a scan runs and which advices were given, as lists and on the map;
 * `?gebied=` and `?programma=` narrow it to one area or programme (the area's and programme's view).
 */
export default function AdviceListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const filter = { area: params.get('gebied') ?? undefined, programme: params.get('programma') ?? undefined };
  const triggers = useTriggers(filter);
  const [dismissing, setDismissing] = useState<TriggerSummary | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const canManage = hasPermission(user, 'spatialadvice.manage');
  const items = triggers.data ?? [];
  const filterName = filter.programme ? items.find((tr) => tr.programme)?.programme?.name : filter.area ? (items.find((tr) => tr.areaCode === filter.area)?.areaName ?? filter.area) : undefined;
  return (
    <Page title={t('spatialadvice:list.title')} lead={t('spatialadvice:list.lead')}>
      {filter.area || filter.programme ? (
        <p className="utrecht-paragraph">
          {filter.programme ? t('spatialadvice:list.ofProgramme', { name: filterName ?? '' }) : t('spatialadvice:list.ofArea', { name: filterName ?? '' })}{' '}
          <Link className="utrecht-link utrecht-link--html-a" to="/veiligheidsadvies">
            {t('spatialadvice:list.showAll')}
          </Link>
        </p>
      ) : null}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a" to="/veiligheidsadvies/checklist">
          {t('spatialadvice:list.checklistLink')}
        </Link>
      </p>
      <QueryState isPending={triggers.isPending} error={triggers.error} />
      <ProblemAlert error={actionError} />
      {triggers.data ? (
        <>
          <TriggerTable caption={t('spatialadvice:list.needed')} empty={t('spatialadvice:list.neededNone')} rows={items.filter((tr) => tr.status === 'open')} canManage={canManage} onDismiss={setDismissing} onError={setActionError} />
          {dismissing ? <DismissForm trigger={dismissing} onClose={() => setDismissing(null)} /> : null}
          <TriggerTable caption={t('spatialadvice:list.scanning')} empty={t('spatialadvice:list.scanningNone')} rows={items.filter((tr) => tr.status === 'scanning')} canManage={canManage} onDismiss={setDismissing} onError={setActionError} />
          <TriggerTable caption={t('spatialadvice:list.done')} empty={t('spatialadvice:list.doneNone')} rows={items.filter((tr) => tr.status === 'advised' || tr.status === 'dismissed')} canManage={canManage} onDismiss={setDismissing} onError={setActionError} />
          <Section title={t('spatialadvice:list.mapHeading')} id="sa-map">
            <p className="utrecht-paragraph">{t('spatialadvice:list.mapLegend')}</p>
            <AdviceMap triggers={items.filter((tr) => tr.status !== 'dismissed')} />
            <p className="utrecht-paragraph wr-muted">{t('spatialadvice:list.mapExplained')}</p>
          </Section>
        </>
      ) : null}
      {canManage ? (
        <div className="wr-sa-forms">
          <ManualTriggerForm />
          {hasPermission(user, 'hotspots.run') ? <HotspotTriggerForm /> : null}
          <PlanCheck />
        </div>
      ) : null}
    </Page>
  );
}
