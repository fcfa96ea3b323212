import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SelectField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { ChoroplethMap, type MapArea } from '../../../../platform/web/map/ChoroplethMap';
import { classBreaks, classIndex, CLASS_METHODS, type ClassMethod } from '../../../../platform/web/map/class-breaks';
import { colourFor, paletteFor } from '../../../../platform/web/map/colour-scale';
import { useMeta } from '../../../../platform/web/session';
import { availabilityOf, chooseIndicator, chooseYear, richestYear } from '../components/indicator-availability';
import { IndicatorSelect } from '../components/IndicatorSelect';
import { Legend } from '../components/Legend';
import { DATA_ATTRIBUTION, DEFAULT_YEARS, MUNICIPALITY_CHOICES, NETHERLANDS, useArea, useAreaFeatures, useFigureYears, useIndicatorCatalogue, useIndicatorValues } from '../figures-api';
import { formatIndicatorValue, NO_VALUE } from '../format';
import '../figures.css';

const DEFAULT_INDICATOR = 'inhabitants';

interface MapRow {
  code: string;
  name: string;
  value: number | null;
  suppressed: boolean;
  classIndex: number | null;
}

function numberParam(value: string | null): number | null {
  return value && /^\d{4}$/.test(value) ? Number(value) : null;
}

/** "Kaart": a choropleth of one indicator per buurt, wijk or gemeente, with the same figures as a table. */
export default function MapPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const municipality = params.get('gemeente') ?? 'GM0505';
  const national = municipality === NETHERLANDS;
  const level = national ? 'gemeente' : params.get('niveau') === 'wijk' ? 'wijk' : 'buurt';
  const requestedIndicator = params.get('indicator') ?? DEFAULT_INDICATOR;
  const method: ClassMethod = params.get('indeling') === 'jenks' ? 'jenks' : 'quantile';
  const meta = useMeta();
  const catalogue = useIndicatorCatalogue();
  const place = useArea(municipality);
  const scope = national ? undefined : municipality;
  // The years with figures at the level (some may sit on older boundaries) and per indicator its years: the
  // page offers only those, and opens on a year in which the indicator has figures. Should they fail to load,
  // the years with boundaries, every indicator offered.
  const figureYears = useFigureYears({ municipality: scope, level });
  const availability = useMemo(() => (figureYears.data ? availabilityOf(figureYears.data.indicators) : null), [figureYears.data]);
  const years = useMemo(() => {
    const found = figureYears.data ? figureYears.data.years : figureYears.isError ? (place.data?.years ?? []) : [];
    return [...new Set(found)].sort((a, b) => b - a);
  }, [place.data, figureYears.data, figureYears.isError]);
  const year = chooseYear({ years, requested: numberParam(params.get('jaar')), preferred: DEFAULT_YEARS[municipality] ?? (availability ? richestYear(availability) : undefined), indicatorYears: availability?.get(requestedIndicator) ?? [] });
  const indicatorCode = availability ? chooseIndicator(availability, requestedIndicator, DEFAULT_INDICATOR, year) : requestedIndicator;
  const features = useAreaFeatures({ municipality: scope, level, year, knownYears: years });
  const values = useIndicatorValues({ indicator: indicatorCode, municipality: scope, level, period: year });
  const indicator = catalogue.data?.find((item) => item.code === indicatorCode);
  const [sortByValue, setSortByValue] = useState(false);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const valueByCode = useMemo(() => new Map((values.data?.items ?? []).map((item) => [item.areaCode, item])), [values.data]);
  const breaks = useMemo(() => classBreaks([...valueByCode.values()].map((item) => item.value), method, 5), [valueByCode, method]);
  const palette = useMemo(() => paletteFor(indicator?.polarity ?? 'neutral', Math.max(1, breaks.length - 1)), [indicator, breaks]);
  const areas: MapArea[] = useMemo(
    () => (features.data?.features ?? []).map((feature) => ({ code: feature.properties.code, name: feature.properties.name, geometry: feature.geometry as MapArea['geometry'] })),
    [features.data],
  );
  const rows: MapRow[] = useMemo(() => {
    const collator = new Intl.Collator(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { numeric: true });
    const list = areas.map((area) => {
      const item = valueByCode.get(area.code);
      const value = item?.value ?? null;
      return { code: area.code, name: area.name, value, suppressed: item?.suppressed ?? false, classIndex: classIndex(value, breaks) };
    });
    return list.sort((a, b) => (sortByValue ? (b.value ?? -Infinity) - (a.value ?? -Infinity) : collator.compare(a.name, b.name)));
  }, [areas, valueByCode, breaks, sortByValue, i18n.language]);
  const noData = rows.filter((row) => row.value === null).length;

  const locale = i18n.language;
  const format = (value: number | null) => formatIndicatorValue(value, indicator, locale);
  const describeValue = (row: { value: number | null; suppressed: boolean } | undefined) =>
    row?.suppressed ? t('indicators:common.suppressed') : row?.value === null || row?.value === undefined ? t('indicators:common.noValue') : format(row.value);

  const municipalityOptions = MUNICIPALITY_CHOICES.map((code) => ({ value: code, label: t(`indicators:places.${code}`) }));
  const levelOptions = national ? [{ value: 'gemeente', label: t('indicators:levels.gemeente') }] : (['buurt', 'wijk'] as const).map((value) => ({ value, label: t(`indicators:levels.${value}`) }));
  const polarityNote = indicator ? t(`indicators:map.polarity.${indicator.polarity}`) : undefined;

  const columns: Column<MapRow>[] = [
    { key: 'name', header: t('indicators:common.area'), rowHeader: true, render: (row) => <Link className="utrecht-link utrecht-link--html-a" to={`/gebieden/${row.code}`}>{row.name}</Link> },
    { key: 'code', header: t('indicators:common.code'), render: (row) => <code className="wr-code">{row.code}</code> },
    { key: 'value', header: indicator ? indicator.name : t('indicators:common.value'), numeric: true, render: (row) => (row.suppressed ? <span className="wr-muted">{t('indicators:common.suppressedShort')}</span> : row.value === null ? <span className="wr-muted">{NO_VALUE}</span> : format(row.value)) },
    {
      key: 'class',
      header: t('indicators:map.classColumn'),
      numeric: true,
      render: (row) => (row.classIndex === null ? <span className="wr-muted">{t('indicators:map.noDataShort')}</span> : t('indicators:map.classOf', { index: row.classIndex + 1, count: breaks.length - 1 })),
    },
  ];

  return (
    <Page title={t('indicators:map.title')} lead={t('indicators:map.lead')}>
      <div className="wr-card wr-map-controls">
        <form className="utrecht-form wr-filters wr-filters--map" onSubmit={(event) => event.preventDefault()} aria-label={t('indicators:map.controls')}>
          <SelectField id="map-municipality" label={t('indicators:common.municipality')} options={municipalityOptions} value={municipality} onChange={(event) => update({ gemeente: event.target.value, jaar: null })} />
          <SelectField id="map-level" label={t('indicators:common.level')} options={levelOptions} value={level} disabled={national} onChange={(event) => update({ niveau: event.target.value })} />
          <SelectField
            id="map-year"
            label={t('indicators:common.year')}
            options={years.map((value) => ({ value: String(value), label: String(value) }))}
            value={year === null ? '' : String(year)}
            onChange={(event) => update({ jaar: event.target.value })}
          />
          <IndicatorSelect
            id="map-indicator"
            label={t('indicators:common.indicator')}
            indicators={catalogue.data ?? []}
            value={indicatorCode}
            onChange={(code) => update({ indicator: code })}
            {...(availability ? { availability: { years: availability, year } } : {})}
          />
          <SelectField
            id="map-method"
            label={t('indicators:map.method')}
            options={CLASS_METHODS.map((value) => ({ value, label: t(`indicators:map.methods.${value}`) }))}
            value={method}
            onChange={(event) => update({ indeling: event.target.value })}
          />
        </form>
      </div>
      <QueryState isPending={catalogue.isPending || place.isPending || figureYears.isPending} error={catalogue.error ?? place.error} />
      <QueryState isPending={features.isPending && year !== null} error={features.error ?? values.error} onRetry={() => void Promise.all([features.refetch(), values.refetch()])} />
      {features.data ? (
        <div className="wr-map-layout">
          <div className="wr-map-layout__map">
            <ChoroplethMap
              areas={areas}
              fillFor={(code) => {
                const item = valueByCode.get(code);
                const index = classIndex(item?.value ?? null, breaks);
                return index === null ? null : colourFor(index, palette);
              }}
              describe={(code) => describeValue(valueByCode.get(code))}
              onSelect={(code) => void navigate(`/gebieden/${code}`)}
              tiles={meta.data?.mapTiles ?? null}
              attribution={DATA_ATTRIBUTION}
              label={t('indicators:map.mapLabel', { indicator: indicator?.name ?? indicatorCode, year: year ?? '' })}
              styleKey={`${indicatorCode}:${year}:${method}:${values.dataUpdatedAt}:${palette.join()}`}
            />
            <p className="utrecht-paragraph wr-muted wr-map-source">
              {DATA_ATTRIBUTION}. {t('indicators:map.mapHint')}
            </p>
          </div>
          <aside className="wr-map-layout__legend" aria-label={t('indicators:map.legend')}>
            {values.isPending ? null : (
              <Legend
                title={indicator ? `${indicator.name}${indicator.unit && indicator.unit !== 'aantal' ? ` (${indicator.unit})` : ''}, ${year ?? ''}` : indicatorCode}
                breaks={breaks}
                palette={palette}
                decimals={indicator?.decimals ?? 1}
                noData={noData}
                note={[t(`indicators:map.methodNote.${method}`), polarityNote].filter(Boolean).join(' ')}
              />
            )}
            {indicator?.definition ? <p className="utrecht-paragraph wr-legend__definition">{indicator.definition}</p> : null}
            {indicator?.source ? <p className="utrecht-paragraph wr-muted">{t('indicators:common.source', { source: indicator.source })}</p> : null}
          </aside>
        </div>
      ) : null}
      {features.data ? (
        <Section title={t('indicators:map.tableHeading')} id="map-table">
          <div className="wr-toolbar">
            <p className="utrecht-paragraph wr-muted">{t('indicators:map.tableLead', { count: rows.length })}</p>
            <button type="button" className="utrecht-button utrecht-button--subtle" aria-pressed={sortByValue} onClick={() => setSortByValue((current) => !current)}>
              {sortByValue ? t('indicators:map.sortByName') : t('indicators:map.sortByValue')}
            </button>
          </div>
          <Table caption={t('indicators:map.tableCaption', { indicator: indicator?.name ?? indicatorCode, year: year ?? '' })} columns={columns} rows={rows} rowKey={(row) => row.code} empty={t('indicators:common.empty')} compact />
        </Section>
      ) : null}
    </Page>
  );
}
