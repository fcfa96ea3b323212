import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../../platform/web/api-client';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { fieldErrorMessage, fieldMessages, serverFieldLinks } from '../../../../platform/web/i18n/field-error-message';
import { formatDate } from '../../../../platform/web/i18n/format';
import { calendarDayOf } from '../../../../platform/shared/time';
import type { HotspotRequest, HotspotResult, SavedHotspotAnalysis, Statistic } from '../../contract';
import { HotspotResultView } from '../components/HotspotResultView';
import { useIndicatorChoices, useSavedHotspots } from '../hotspots-api';
import '../hotspots.css';
import { checkSignalPeriod, runFieldLinks, runFieldMessages } from './run-field-errors';

type SourceKind = 'indicator' | 'signals';
const MUNICIPALITIES = [
  { value: 'GM0505', label: 'Dordrecht' },
  { value: 'GM0308', label: 'Baarn' },
];
const YEARS: Record<string, string[]> = { GM0505: ['2020'], GM0308: ['2024', '2023', '2022', '2021', '2020', '2019', '2018', '2017', '2016'] };
/** The calendar day in the Netherlands that a moment falls on. */
const isoDay = (date: Date) => calendarDayOf(date);

function SavedList() {
  const { t, i18n } = useTranslation();
  const saved = useSavedHotspots();
  return (
    <Section title={t('hotspots:saved.heading')} id="hotspot-saved">
      <QueryState isPending={saved.isPending} error={saved.error} />
      {saved.data && saved.data.length === 0 ? <p className="utrecht-paragraph wr-muted">{t('hotspots:saved.none')}</p> : null}
      {saved.data && saved.data.length > 0 ? (
        <ul className="utrecht-unordered-list">
          {saved.data.map((item) => (
            <li key={item.id} className="utrecht-unordered-list__item">
              <Link className="utrecht-link utrecht-link--html-a" to={`/hotspots/${item.id}`}>
                {item.name}
              </Link>{' '}
              <span className="wr-muted">
                {t('hotspots:saved.meta', { who: item.createdBy, when: formatDate(item.createdAt, i18n.language) })}
                {item.expiresAt ? ` · ${t('hotspots:saved.expires', { date: formatDate(item.expiresAt, i18n.language) })}` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

/** "Hotspotanalyse": choose a source, weights and statistic, run, read the map, save as evidence. */
export default function HotspotPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const indicators = useIndicatorChoices();
  const [kind, setKind] = useState<SourceKind>('indicator');
  const [municipality, setMunicipality] = useState('GM0505');
  const [level, setLevel] = useState<'buurt' | 'wijk'>('buurt');
  const [year, setYear] = useState('2020');
  const [indicator, setIndicator] = useState('population_density');
  const [from, setFrom] = useState(isoDay(new Date(Date.now() - 365 * 86_400_000)));
  const [to, setTo] = useState(isoDay(new Date()));
  const [resolution, setResolution] = useState('9');
  const [weights, setWeights] = useState('queen');
  const [statistic, setStatistic] = useState<Statistic>('gi_star');
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [ran, setRan] = useState<{ request: HotspotRequest; result: HotspotResult } | null>(null);
  const [checked, setChecked] = useState<Record<string, string>>({});

  const run = useMutation({
    mutationFn: async (request: HotspotRequest) => ({ request, result: await api.post<HotspotResult>('/api/v1/analyses/hotspots', request) }),
    onSuccess: (data) => setRan(data),
  });
  const save = useMutation({
    mutationFn: (body: { name: string; note: string; request: HotspotRequest }) => api.post<SavedHotspotAnalysis>('/api/v1/analyses/hotspots/saved', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['hotspots', 'saved'] }),
  });

  const changeKind = (next: SourceKind) => {
    setKind(next);
    setWeights(next === 'signals' ? 'ring:1' : 'queen');
  };
  const weightOptions =
    kind === 'signals'
      ? ['ring:1', 'ring:2', 'ring:3'].map((value) => ({ value, label: t('hotspots:weights.ring', { k: value.split(':')[1] }) }))
      : [
          { value: 'queen', label: t('hotspots:weights.queen') },
          { value: 'rook', label: t('hotspots:weights.rook') },
          ...['knn:4', 'knn:6', 'knn:8'].map((value) => ({ value, label: t('hotspots:weights.knn', { k: value.split(':')[1] }) })),
        ];

  const request = (): HotspotRequest =>
    kind === 'signals'
      ? { source: { signals: { municipality, from, to }, cell: `h3:${resolution}` }, weights, statistic }
      : { source: { indicator, municipality, level, period: year }, weights, statistic };

  const onRun = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    const found = kind === 'signals' ? checkSignalPeriod(from, to, t, i18n.language) : {};
    setChecked(found);
    if (Object.keys(found).length > 0) {
      run.reset();
      return;
    }
    run.mutate(request());
  };
  const onSave = (event: FormEvent) => {
    event.preventDefault();
    if (!ran) return;
    if (!name.trim()) {
      setNameError(fieldErrorMessage({ code: 'required', params: {} }, t, i18n.language));
      return;
    }
    setNameError(undefined);
    save.mutate({ name: name.trim(), note, request: ran.request });
  };

  // The browser's checks first, else the server's field errors, each at its control and linked from the summary.
  const runErrors = Object.keys(checked).length > 0 ? checked : runFieldMessages(run.error, t, i18n.language);
  const runLabels: Record<string, string> = {
    'hotspot-municipality': t('hotspots:form.municipality'),
    'hotspot-indicator': t('hotspots:form.indicator'),
    'hotspot-level': t('hotspots:form.level'),
    'hotspot-year': t('hotspots:form.year'),
    'hotspot-from': t('hotspots:form.from'),
    'hotspot-to': t('hotspots:form.to'),
    'hotspot-resolution': t('hotspots:form.resolution'),
    'hotspot-weights': t('hotspots:form.weights'),
    'hotspot-statistic': t('hotspots:form.statistic'),
  };
  const runLinks = runFieldLinks(runErrors, (id) => runLabels[id] ?? id);
  const saveErrors = fieldMessages(save.error, t, i18n.language);
  const saveLinks = nameError
    ? [{ fieldId: 'hotspot-name', label: t('hotspots:save.name'), message: nameError }]
    : serverFieldLinks(save.error, t, i18n.language, { name: { id: 'hotspot-name', label: t('hotspots:save.name') }, note: { id: 'hotspot-note', label: t('hotspots:save.note') } });

  const ranSource = ran?.request.source;
  const valueLabel = ranSource && 'indicator' in ranSource ? (indicators.data?.find((i) => i.code === ranSource.indicator)?.name ?? ranSource.indicator) : t('hotspots:result.signalCount');

  return (
    <Page title={t('hotspots:page.title')} lead={t('hotspots:page.lead')}>
      <div className="wr-card">
        <form className="utrecht-form wr-hotspot-form" onSubmit={onRun} aria-label={t('hotspots:form.label')} noValidate>
          <ErrorSummary error={Object.keys(checked).length > 0 ? undefined : (run.error ?? undefined)} fields={runLinks} />
          <fieldset className="utrecht-form-fieldset wr-hotspot-source">
            <legend className="utrecht-form-fieldset__legend">{t('hotspots:form.source')}</legend>
            {(['indicator', 'signals'] as const).map((value) => (
              <div key={value} className="utrecht-form-field utrecht-form-field--radio">
                <input className="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id={`hotspot-source-${value}`} name="hotspot-source" value={value} checked={kind === value} onChange={() => changeKind(value)} />
                <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`hotspot-source-${value}`}>
                  {t(`hotspots:form.sources.${value}`)}
                </label>
              </div>
            ))}
          </fieldset>
          <div className="wr-filters">
            <SelectField
              id="hotspot-municipality" error={runErrors['hotspot-municipality']}
              label={t('hotspots:form.municipality')}
              options={MUNICIPALITIES}
              value={municipality}
              onChange={(event) => {
                setMunicipality(event.target.value);
                setYear(YEARS[event.target.value]?.[0] ?? '2020');
              }}
            />
            {kind === 'indicator' ? (
              <>
                <SelectField id="hotspot-indicator" error={runErrors['hotspot-indicator']} label={t('hotspots:form.indicator')} options={(indicators.data ?? []).map((i) => ({ value: i.code, label: i.name }))} value={indicator} onChange={(event) => setIndicator(event.target.value)} />
                <SelectField id="hotspot-level" error={runErrors['hotspot-level']} label={t('hotspots:form.level')} options={(['buurt', 'wijk'] as const).map((value) => ({ value, label: t(`hotspots:form.levels.${value}`) }))} value={level} onChange={(event) => setLevel(event.target.value === 'wijk' ? 'wijk' : 'buurt')} />
                <SelectField id="hotspot-year" error={runErrors['hotspot-year']} label={t('hotspots:form.year')} options={(YEARS[municipality] ?? []).map((value) => ({ value, label: value }))} value={year} onChange={(event) => setYear(event.target.value)} />
              </>
            ) : (
              <>
                <TextField id="hotspot-from" error={runErrors['hotspot-from']} type="date" label={t('hotspots:form.from')} value={from} onChange={(event) => setFrom(event.target.value)} />
                <TextField id="hotspot-to" error={runErrors['hotspot-to']} type="date" label={t('hotspots:form.to')} value={to} onChange={(event) => setTo(event.target.value)} />
                <SelectField
                  id="hotspot-resolution" error={runErrors['hotspot-resolution']}
                  label={t('hotspots:form.resolution')}
                  description={t('hotspots:form.resolutionHint')}
                  options={['7', '8', '9', '10'].map((value) => ({ value, label: t(`hotspots:resolutions.${value}`) }))}
                  value={resolution}
                  onChange={(event) => setResolution(event.target.value)}
                />
              </>
            )}
            <SelectField id="hotspot-weights" error={runErrors['hotspot-weights']} label={t('hotspots:form.weights')} options={weightOptions} value={weights} onChange={(event) => setWeights(event.target.value)} />
            <SelectField
              id="hotspot-statistic" error={runErrors['hotspot-statistic']}
              label={t('hotspots:form.statistic')}
              options={(['gi_star', 'local_moran'] as const).map((value) => ({ value, label: t(`hotspots:statistics.${value}`) }))}
              value={statistic}
              onChange={(event) => setStatistic(event.target.value === 'local_moran' ? 'local_moran' : 'gi_star')}
            />
          </div>
          <Button type="submit" appearance="primary" busy={run.isPending}>
            {t('hotspots:form.run')}
          </Button>
        </form>
      </div>
      <QueryState isPending={indicators.isPending} error={indicators.error} />
      {ran ? (
        <Section title={t('hotspots:result.heading')} id="hotspot-result">
          <HotspotResultView
            result={ran.result}
            municipality={'indicator' in ran.request.source ? ran.request.source.municipality : ran.request.source.signals.municipality}
            level={'indicator' in ran.request.source ? ran.request.source.level : null}
            valueLabel={valueLabel}
          />
          <Section title={t('hotspots:save.heading')} headingLevel={3} id="hotspot-save">
            <form className="utrecht-form" onSubmit={onSave} noValidate>
              <ErrorSummary error={nameError ? undefined : (save.error ?? undefined)} fields={saveLinks} />
              <p className="utrecht-paragraph wr-muted">{t(ran.result.expiresAt ? 'hotspots:save.expiryHint' : 'hotspots:save.hint')}</p>
              <TextField id="hotspot-name" label={t('hotspots:save.name')} value={name} error={nameError ?? saveErrors.name} onChange={(event) => setName(event.target.value)} autoComplete="off" />
              <TextAreaField id="hotspot-note" error={saveErrors.note} label={t('hotspots:save.note')} optionalText={t('hotspots:save.optional')} value={note} onChange={(event) => setNote(event.target.value)} rows={3} />
              <Button type="submit" appearance="primary" busy={save.isPending}>
                {t('hotspots:save.submit')}
              </Button>
              {save.data ? (
                <Alert type="ok">
                  {t('hotspots:save.done')}{' '}
                  <Link className="utrecht-link utrecht-link--html-a" to={`/hotspots/${save.data.id}`}>
                    {save.data.name}
                  </Link>
                </Alert>
              ) : null}
            </form>
          </Section>
        </Section>
      ) : null}
      <SavedList />
    </Page>
  );
}
