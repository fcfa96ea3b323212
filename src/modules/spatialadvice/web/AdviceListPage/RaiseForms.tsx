import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../../../platform/web/components/FormField';
import { Section } from '../../../../platform/web/components/Page';
import { MANUAL_TRIGGER_KINDS, type ManualTrigger } from '../../contract';
import { useMeta } from '../../../../platform/web/session';
import { PlacePickerMap } from '../components/PlacePickerMap';
import { ProblemAlert } from '../components/ProblemAlert';
import { useAreaChoices, useAreaOutline, useCheckPlans, useRaiseFromHotspot, useRaiseTrigger, useSavedHotspot, useSavedHotspots } from '../spatial-api';

/** Raise a trigger by hand: what is touched, where, and its name. */
export function ManualTriggerForm() {
  const { t } = useTranslation();
  // Only the areas within the user's own areas: a trigger elsewhere would be refused (the server checks too).
  const areas = useAreaChoices();
  const raise = useRaiseTrigger();
  const [kind, setKind] = useState<ManualTrigger['kind']>('public_space');
  const [areaCode, setAreaCode] = useState('');
  const [placeName, setPlaceName] = useState('');
  const [description, setDescription] = useState('');
  const [point, setPoint] = useState<{ lat: number; lon: number } | null>(null);
  const [fields, setFields] = useState<FieldErrorLink[]>([]);
  const outline = useAreaOutline(areaCode);
  const meta = useMeta();
  const areaLabel = { focus: 'spatialadvice:raise.focusArea', wijk: 'spatialadvice:raise.wijk', buurt: 'spatialadvice:raise.buurt' } as const;
  const areaOptions = (areas.data ?? []).map((a) => ({ value: a.code, label: t(areaLabel[a.level], { name: a.name }) }));
  const errorOf = (id: string) => fields.find((f) => f.fieldId === id)?.message;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrorLink[] = [];
    if (!areaCode) found.push({ fieldId: 'sa-raise-area', label: t('spatialadvice:raise.area'), message: t('spatialadvice:raise.chooseArea') });
    if (!placeName.trim()) found.push({ fieldId: 'sa-raise-name', label: t('spatialadvice:raise.placeName'), message: t('spatialadvice:raise.fillName') });
    setFields(found);
    if (found.length) return;
    raise.mutate(
      { kind, areaCode, placeName: placeName.trim(), ...(description.trim() ? { description: description.trim() } : {}), ...(point ? { point } : {}) },
      {
        onSuccess: () => {
          setPlaceName('');
          setDescription('');
          setPoint(null);
        },
      },
    );
  };
  return (
    <Section title={t('spatialadvice:raise.heading')} id="sa-raise">
      <p className="utrecht-paragraph">{t('spatialadvice:raise.explained')}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary fields={fields} />
        <ProblemAlert error={raise.error} />
        {raise.isSuccess ? (
          <Alert type="ok" live="status">
            <p className="utrecht-paragraph">{t('spatialadvice:raise.done')}</p>
          </Alert>
        ) : null}
        <SelectField
          id="sa-raise-kind"
          label={t('spatialadvice:raise.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as ManualTrigger['kind'])}
          options={MANUAL_TRIGGER_KINDS.map((k) => ({ value: k, label: t(`spatialadvice:kinds.${k}`) }))}
        />
        <SelectField
          id="sa-raise-area"
          label={t('spatialadvice:raise.area')}
          value={areaCode}
          onChange={(e) => {
            setAreaCode(e.target.value);
            setPoint(null);
          }} placeholder={t('spatialadvice:raise.areaPlaceholder')} options={areaOptions} description={areas.data?.length === 0 ? t('spatialadvice:raise.noAreas') : undefined} error={errorOf('sa-raise-area')} />
        {areaCode ? (
          <div className="utrecht-form-field wr-form-field">
            <p className="utrecht-paragraph" id="sa-raise-point-hint">
              {point ? t('spatialadvice:raise.pointChosen', { lat: point.lat.toFixed(5), lon: point.lon.toFixed(5) }) : t('spatialadvice:raise.pointHint')}
            </p>
            <PlacePickerMap outline={outline.data} point={point} onPick={setPoint} tiles={meta.data?.mapTiles ?? null} attribution={t('spatialadvice:list.mapAttribution')} label={t('spatialadvice:raise.pointMap')} />
            {point ? (
              <Button appearance="subtle" onClick={() => setPoint(null)}>
                {t('spatialadvice:raise.pointClear')}
              </Button>
            ) : null}
          </div>
        ) : null}
        <TextField id="sa-raise-name" label={t('spatialadvice:raise.placeName')} description={t('spatialadvice:raise.placeNameHint')} value={placeName} onChange={(e) => setPlaceName(e.target.value)} maxLength={200} error={errorOf('sa-raise-name')} />
        <TextAreaField id="sa-raise-description" label={t('spatialadvice:raise.description')} optionalText={t('spatialadvice:raise.optional')} value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={4000} />
        <Button type="submit" appearance="primary" busy={raise.isPending}>
          {t('spatialadvice:raise.submit')}
        </Button>
      </form>
    </Section>
  );
}

const LEVEL: Record<number, number> = { 1: 90, 2: 95, 3: 99 };

/** Raise a trigger for a hot cell of a saved hot-spot analysis: only the place comes along. */
export function HotspotTriggerForm() {
  const { t } = useTranslation();
  const analyses = useSavedHotspots(true);
  const [analysisId, setAnalysisId] = useState('');
  const [cell, setCell] = useState('');
  const [fields, setFields] = useState<FieldErrorLink[]>([]);
  const analysis = useSavedHotspot(analysisId);
  const raise = useRaiseFromHotspot();
  const hot = (analysis.data?.result.items ?? []).filter((item) => item.bin >= 1).sort((a, b) => b.bin - a.bin);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrorLink[] = [];
    if (!analysisId) found.push({ fieldId: 'sa-hot-analysis', label: t('spatialadvice:raise.analysis'), message: t('spatialadvice:raise.analysisPlaceholder') });
    else if (!cell) found.push({ fieldId: 'sa-hot-cell', label: t('spatialadvice:raise.cell'), message: t('spatialadvice:raise.cellPlaceholder') });
    setFields(found);
    if (!found.length) raise.mutate({ analysisId, cell });
  };
  if (analyses.data && analyses.data.length === 0) return null;
  return (
    <Section title={t('spatialadvice:raise.hotspotHeading')} id="sa-hotspot">
      <p className="utrecht-paragraph">{t('spatialadvice:raise.hotspotExplained')}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary fields={fields} />
        <ProblemAlert error={raise.error} />
        {raise.isSuccess ? (
          <Alert type="ok" live="status">
            <p className="utrecht-paragraph">{t('spatialadvice:raise.hotspotDone')}</p>
          </Alert>
        ) : null}
        <SelectField
          id="sa-hot-analysis"
          label={t('spatialadvice:raise.analysis')}
          value={analysisId}
          onChange={(e) => {
            setAnalysisId(e.target.value);
            setCell('');
          }}
          placeholder={t('spatialadvice:raise.analysisPlaceholder')}
          options={(analyses.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          error={fields.find((f) => f.fieldId === 'sa-hot-analysis')?.message}
        />
        {analysisId && analysis.data && hot.length === 0 ? <p className="utrecht-paragraph">{t('spatialadvice:raise.noHotCells')}</p> : null}
        {hot.length > 0 ? (
          <SelectField
            id="sa-hot-cell"
            label={t('spatialadvice:raise.cell')}
            value={cell}
            onChange={(e) => setCell(e.target.value)}
            placeholder={t('spatialadvice:raise.cellPlaceholder')}
            options={hot.map((item) => ({ value: item.id, label: t('spatialadvice:raise.hotCell', { name: item.name ?? item.id, level: LEVEL[item.bin] ?? 90 }) }))}
            error={fields.find((f) => f.fieldId === 'sa-hot-cell')?.message}
          />
        ) : null}
        <Button type="submit" appearance="primary" busy={raise.isPending}>
          {t('spatialadvice:raise.hotspotSubmit')}
        </Button>
      </form>
    </Section>
  );
}

/** Look for programmes covering an area without a trigger now, instead of waiting for the job. */
export function PlanCheck() {
  const { t } = useTranslation();
  const check = useCheckPlans();
  return (
    <Section title={t('spatialadvice:raise.plansHeading')} id="sa-plans">
      <p className="utrecht-paragraph">{t('spatialadvice:raise.plansExplained')}</p>
      <ProblemAlert error={check.error} />
      {check.data && 'raised' in check.data ? (
        <Alert type="ok" live="status">
          <p className="utrecht-paragraph">{t('spatialadvice:raise.plansDone', { count: check.data.raised })}</p>
        </Alert>
      ) : null}
      <Button busy={check.isPending} onClick={() => check.mutate(undefined)}>
        {t('spatialadvice:raise.plansSubmit')}
      </Button>
    </Section>
  );
}
