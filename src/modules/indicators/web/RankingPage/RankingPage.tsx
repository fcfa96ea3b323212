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
import { Table, type Column } from '../../../../platform/web/components/Table';
import { fieldErrorMessage, fieldMessages, serverFieldLinks } from '../../../../platform/web/i18n/field-error-message';
import { formatDateTime } from '../../../../platform/web/i18n/format';
import type { RankingRequest, RankingResult, SavedRanking, SaveRanking } from '../../contract';
import { availabilityOf, chooseYear, richestYear } from '../components/indicator-availability';
import { IndicatorSelect } from '../components/IndicatorSelect';
import { DEFAULT_YEARS, useArea, useFigureYears, useIndicatorCatalogue, useSavedRankings, type SavedRankingSummary } from '../figures-api';
import { addCriterion, criteriaProblems, weightShares, type CriterionDraft, type RankingDirection } from './ranking-criteria';
import { criteriaFieldErrors, previewFieldErrors } from './ranking-field-errors';
import { RankingResultView } from './RankingResultView';
import '../figures.css';

const MUNICIPALITIES = ['GM0505', 'GM0308'] as const;

function SavedRankings({ municipality }: { municipality: string }) {
  const { t, i18n } = useTranslation();
  const saved = useSavedRankings(municipality);
  const columns: Column<SavedRankingSummary>[] = [
    { key: 'name', header: t('indicators:ranking.name'), rowHeader: true, render: (item) => <Link className="utrecht-link utrecht-link--html-a" to={`/afwegingskader/${item.id}`}>{item.name}</Link> },
    { key: 'level', header: t('indicators:common.level'), render: (item) => `${t(`indicators:levels.${item.level}`)} ${item.period}` },
    { key: 'criteria', header: t('indicators:ranking.criteriaCount'), numeric: true, render: (item) => item.criteria.length },
    { key: 'by', header: t('indicators:ranking.savedBy'), render: (item) => item.createdBy },
    { key: 'at', header: t('indicators:ranking.savedAt'), render: (item) => <span className="wr-nowrap">{formatDateTime(item.createdAt, i18n.language)}</span> },
  ];
  return (
    <Section title={t('indicators:ranking.savedHeading')} id="ranking-saved">
      <QueryState isPending={saved.isPending} error={saved.error} onRetry={() => void saved.refetch()} />
      {saved.data ? <Table caption={t('indicators:ranking.savedHeading')} captionHidden columns={columns} rows={saved.data} rowKey={(item) => item.id} empty={t('indicators:ranking.noSaved')} compact /> : null}
    </Section>
  );
}

/** "Afwegingskader": choose indicators, weights and directions, see the ranked areas, save the choice. */
export default function RankingPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const catalogue = useIndicatorCatalogue();
  const [municipality, setMunicipality] = useState<string>('GM0505');
  const [level, setLevel] = useState<'wijk' | 'buurt'>('buurt');
  const [periodChoice, setPeriod] = useState<number | null>(null);
  const [criteria, setCriteria] = useState<CriterionDraft[]>([]);
  const [toAdd, setToAdd] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const place = useArea(municipality);
  // Only years with figures at the level, and for that year only the indicators with figures (greyed: other years).
  const figureYears = useFigureYears({ municipality, level });
  const availability = figureYears.data ? availabilityOf(figureYears.data.indicators) : null;
  const years = [...new Set(figureYears.data ? figureYears.data.years : (place.data?.years ?? []))].sort((a, b) => b - a);
  const period = chooseYear({ years, requested: periodChoice, preferred: DEFAULT_YEARS[municipality] ?? (availability ? richestYear(availability) : undefined), indicatorYears: [] });
  const byCode = new Map((catalogue.data ?? []).map((indicator) => [indicator.code, indicator]));
  const shares = weightShares(criteria);

  const request = (): RankingRequest | null => (period === null ? null : { municipality, level, period, criteria: criteria.map((criterion) => ({ ...criterion })) });
  const preview = useMutation({ mutationFn: (body: RankingRequest) => api.post<RankingResult>('/api/v1/rankings/preview', body) });
  const save = useMutation({
    mutationFn: (body: SaveRanking) => api.post<SavedRanking>('/api/v1/rankings', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['rankings', 'list'] }),
  });
  const [computedFor, setComputedFor] = useState<RankingRequest | null>(null);

  function compute(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = criteriaProblems(criteria);
    setProblems(found);
    const body = request();
    if (found.length > 0 || !body) return;
    save.reset();
    setComputedFor(body);
    preview.mutate(body);
  }

  function submitSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!computedFor) return;
    if (!name.trim()) {
      setNameError(fieldErrorMessage({ code: 'required', params: {} }, t, i18n.language));
      return;
    }
    setNameError(undefined);
    save.mutate({ ...computedFor, name: name.trim(), note });
  }

  // Each problem at its control and linked from the summary: the browser's first, else the server's.
  const nameOf = (code: string) => byCode.get(code)?.name ?? code;
  const computeErrors = problems.length > 0 ? criteriaFieldErrors(problems, criteria, nameOf, t, i18n.language) : previewFieldErrors(preview.error, computedFor?.criteria ?? [], nameOf, t, i18n.language);
  const computeError = (id: string) => computeErrors.find((item) => item.id === id)?.message;
  const saveErrors = fieldMessages(save.error, t, i18n.language);
  const saveLinks = nameError
    ? [{ fieldId: 'ranking-name', label: t('indicators:ranking.name'), message: nameError }]
    : serverFieldLinks(save.error, t, i18n.language, { name: { id: 'ranking-name', label: t('indicators:ranking.name') }, note: { id: 'ranking-note', label: t('indicators:ranking.note') } });

  const change = (index: number, changes: Partial<CriterionDraft>) => setCriteria((current) => current.map((criterion, i) => (i === index ? { ...criterion, ...changes } : criterion)));

  return (
    <Page title={t('indicators:ranking.title')} lead={t('indicators:ranking.lead')}>
      <QueryState isPending={catalogue.isPending} error={catalogue.error} />
      <form className="utrecht-form wr-card" noValidate onSubmit={compute} aria-labelledby="ranking-form-heading">
        <h2 className="utrecht-heading-2 wr-card__heading" id="ranking-form-heading">
          {t('indicators:ranking.formHeading')}
        </h2>
        <ErrorSummary fields={computeErrors.map((item) => ({ fieldId: item.id, label: item.label, message: item.message }))} error={problems.length > 0 ? undefined : (preview.error ?? undefined)} />
        <div className="wr-filters">
          <SelectField
            id="ranking-municipality"
            error={computeError('ranking-municipality')}
            label={t('indicators:common.municipality')}
            options={MUNICIPALITIES.map((code) => ({ value: code, label: t(`indicators:places.${code}`) }))}
            value={municipality}
            onChange={(event) => {
              setMunicipality(event.target.value);
              setPeriod(null);
            }}
          />
          <SelectField id="ranking-level" error={computeError('ranking-level')} label={t('indicators:common.level')} options={(['buurt', 'wijk'] as const).map((value) => ({ value, label: t(`indicators:levels.${value}`) }))} value={level} onChange={(event) => setLevel(event.target.value === 'wijk' ? 'wijk' : 'buurt')} />
          <SelectField id="ranking-year" error={computeError('ranking-year')} label={t('indicators:common.year')} options={years.map((value) => ({ value: String(value), label: String(value) }))} value={period === null ? '' : String(period)} onChange={(event) => setPeriod(Number(event.target.value))} />
        </div>
        <fieldset className="wr-fieldset wr-criteria">
          <legend className="utrecht-form-fieldset__legend">{t('indicators:ranking.criteria')}</legend>
          {criteria.length === 0 ? <p className="utrecht-paragraph wr-muted">{t('indicators:ranking.noCriteria')}</p> : null}
          <ul className="wr-criteria__list">
            {criteria.map((criterion, index) => {
              const indicator = byCode.get(criterion.indicator);
              return (
                <li key={criterion.indicator} className="wr-criteria__item">
                  <p className="wr-criteria__name">
                    {indicator?.name ?? criterion.indicator}
                    <span className="wr-muted"> · {indicator?.theme}</span>
                  </p>
                  <TextField
                    id={`weight-${criterion.indicator}`}
                    error={computeError(`weight-${criterion.indicator}`)}
                    label={t('indicators:ranking.weight')}
                    type="number"
                    min={0}
                    max={100}
                    step="any"
                    inputMode="decimal"
                    className="wr-field--short"
                    value={Number.isFinite(criterion.weight) ? String(criterion.weight) : ''}
                    description={t('indicators:ranking.share', { share: Math.round((shares[index] ?? 0) * 100) })}
                    onChange={(event) => change(index, { weight: event.target.value === '' ? Number.NaN : Number(event.target.value) })}
                  />
                  <SelectField
                    id={`direction-${criterion.indicator}`}
                    label={t('indicators:ranking.direction')}
                    options={(['higher_is_worse', 'lower_is_worse'] as const).map((value) => ({ value, label: t(`indicators:ranking.directions.${value}`) }))}
                    value={criterion.direction}
                    onChange={(event) => change(index, { direction: event.target.value as RankingDirection })}
                  />
                  <Button appearance="subtle" onClick={() => setCriteria((current) => current.filter((_, i) => i !== index))} aria-label={t('indicators:ranking.removeNamed', { name: indicator?.name ?? criterion.indicator })}>
                    {t('indicators:ranking.remove')}
                  </Button>
                </li>
              );
            })}
          </ul>
          <div className="wr-criteria__add">
            <IndicatorSelect
              id="ranking-add"
              error={computeError('ranking-add')}
              label={t('indicators:ranking.addLabel')}
              indicators={catalogue.data ?? []}
              value={toAdd}
              placeholder={t('indicators:ranking.choose')}
              onChange={setToAdd}
              {...(availability ? { availability: { years: availability, year: period } } : {})}
            />
            <Button
              onClick={() => {
                const indicator = byCode.get(toAdd);
                if (!indicator) return;
                setCriteria((current) => addCriterion(current, indicator));
                setToAdd('');
              }}
              disabled={!toAdd}
            >
              {t('indicators:ranking.add')}
            </Button>
          </div>
        </fieldset>
        <div className="wr-form-actions">
          <Button type="submit" appearance="primary" busy={preview.isPending}>
            {t('indicators:ranking.compute')}
          </Button>
        </div>
      </form>
      {preview.data && computedFor && catalogue.data ? (
        <>
          <RankingResultView result={preview.data} criteria={computedFor.criteria} catalogue={catalogue.data} municipality={computedFor.municipality} level={computedFor.level} period={Number(computedFor.period)} />
          <Section title={t('indicators:ranking.saveHeading')} id="ranking-save">
            <form className="utrecht-form wr-card" noValidate onSubmit={submitSave}>
              <ErrorSummary error={nameError ? undefined : (save.error ?? undefined)} fields={saveLinks} />
              <TextField id="ranking-name" label={t('indicators:ranking.name')} value={name} error={nameError ?? saveErrors.name} onChange={(event) => setName(event.target.value)} autoComplete="off" />
              <TextAreaField id="ranking-note" error={saveErrors.note} label={t('indicators:ranking.note')} description={t('indicators:ranking.noteDescription')} optionalText={t('indicators:common.optional')} value={note} rows={4} onChange={(event) => setNote(event.target.value)} />
              <div className="wr-form-actions">
                <Button type="submit" appearance="primary" busy={save.isPending}>
                  {t('indicators:ranking.save')}
                </Button>
              </div>
              {save.data ? (
                <Alert type="ok">
                  {t('indicators:ranking.saved', { name: save.data.name })}{' '}
                  <Link className="utrecht-link utrecht-link--html-a" to={`/afwegingskader/${save.data.id}`}>
                    {t('indicators:ranking.open')}
                  </Link>
                </Alert>
              ) : null}
            </form>
          </Section>
        </>
      ) : null}
      <SavedRankings municipality={municipality} />
    </Page>
  );
}
