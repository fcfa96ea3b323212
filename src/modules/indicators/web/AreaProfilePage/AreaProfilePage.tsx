import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { SelectField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { TimeSeriesChart } from '../../../../platform/web/charts/TimeSeriesChart';
import { ChoroplethMap, type MapArea } from '../../../../platform/web/map/ChoroplethMap';
import { hasPermission, useCurrentUser, useMeta } from '../../../../platform/web/session';
import type { AreaDetail } from '../../../areas/contract';
import { SpatialAdviceSection } from '../../../spatialadvice/web/index';
import type { Indicator } from '../../contract';
import { DATA_ATTRIBUTION, profileExportUrl, useArea, useAreaFeatures, useIndicatorCatalogue, useProfile, useSeries } from '../figures-api';
import { formatIndex, formatIndicatorValue, NO_VALUE } from '../format';
import { ProfileBreakNotes } from './BreakNotes';
import { hasSeries, profileRowsByTheme, type ProfileRow } from './profile-rows';
import { chartRowsWithBreak, seriesBreaks } from './series-breaks';
import '../figures.css';

const DIRECTION_ICON: Record<ProfileRow['direction'], string> = { better: '▲', worse: '▼', same: '=', not_applicable: '·' };

function Direction({ row }: { row: ProfileRow }) {
  const { t } = useTranslation();
  if (row.value === null) return <span className="wr-muted">{NO_VALUE}</span>;
  return (
    <span className={`wr-direction wr-direction--${row.direction}`}>
      <span className="wr-direction__icon" aria-hidden="true">
        {DIRECTION_ICON[row.direction]}
      </span>
      {t(`indicators:profile.direction.${row.direction}`)}
    </span>
  );
}

/** The outline of the area, or of its members for a focus area drawn from buurten. */
function AreaOutline({ area }: { area: AreaDetail }) {
  const { t } = useTranslation();
  const meta = useMeta();
  const memberLevel = area.members?.[0]?.level === 'wijk' ? 'wijk' : 'buurt';
  const needMembers = !area.geometry && (area.members?.length ?? 0) > 0;
  const features = useAreaFeatures({ municipality: area.municipalityCode, level: memberLevel, year: needMembers ? (area.year ?? area.years[area.years.length - 1] ?? null) : null, knownYears: area.years });
  const shapes: MapArea[] = useMemo(() => {
    if (area.geometry) return [{ code: area.code, name: area.name, geometry: area.geometry as unknown as MapArea['geometry'] }];
    const members = new Set((area.members ?? []).map((member) => member.code));
    return (features.data?.features ?? [])
      .filter((feature) => members.has(feature.properties.code))
      .map((feature) => ({ code: feature.properties.code, name: feature.properties.name, geometry: feature.geometry as unknown as MapArea['geometry'] }));
  }, [area, features.data]);
  if (shapes.length === 0) return <p className="utrecht-paragraph wr-muted">{t('indicators:profile.noGeometry')}</p>;
  return (
    <ChoroplethMap
      small
      areas={shapes}
      fillFor={() => '#41b6c4'}
      tiles={meta.data?.mapTiles ?? null}
      attribution={DATA_ATTRIBUTION}
      label={t('indicators:profile.mapLabel', { name: area.name })}
      styleKey={area.code}
    />
  );
}

function SeriesSection({ code, rows, catalogue }: { code: string; rows: ProfileRow[]; catalogue: readonly Indicator[] }) {
  const { t, i18n } = useTranslation();
  const candidates = rows.filter((row) => row.value !== null || row.municipalityValue !== null);
  const [chosen, setChosen] = useState<string | null>(null);
  const indicatorCode = chosen ?? candidates[0]?.indicator ?? null;
  const series = useSeries(code, indicatorCode);
  const indicator = catalogue.find((item) => item.code === indicatorCode);
  const points = series.data?.items ?? [];
  // The chart plots numbers only: converted years (a boundary change) as their own, dashed line.
  const chartRows = chartRowsWithBreak(points);
  const breaks = seriesBreaks(points);
  const format = (value: number) => formatIndicatorValue(value, indicator, i18n.language);
  const lines = [
    { key: 'value', label: t('indicators:profile.thisArea'), colour: '#01689b' },
    { key: 'carriedValue', label: t('indicators:profile.carriedLine'), colour: '#01689b', dash: '10 5' },
    { key: 'municipalityValue', label: t('indicators:profile.municipality'), colour: '#c2410c', dash: '6 4' },
    { key: 'nationalValue', label: t('indicators:profile.national'), colour: '#4d4d4d', dash: '2 3' },
  ]
    // Totals (counts that are summed) of a whole city or country dwarf an area's: compare only rates and shares.
    .filter((line) => line.key === 'value' || line.key === 'carriedValue' || indicator?.aggregation !== 'sum')
    .filter((line) => chartRows.some((row) => row[line.key] !== null && row[line.key] !== undefined));
  const seriesColumns: Column<(typeof points)[number]>[] = [
    { key: 'period', header: t('indicators:common.year'), rowHeader: true, render: (point) => point.period },
    { key: 'value', header: t('indicators:profile.thisArea'), numeric: true, render: (point) => formatIndicatorValue(point.value, indicator, i18n.language) },
    { key: 'municipalityValue', header: t('indicators:profile.municipality'), numeric: true, render: (point) => formatIndicatorValue(point.municipalityValue, indicator, i18n.language) },
    { key: 'nationalValue', header: t('indicators:profile.national'), numeric: true, render: (point) => formatIndicatorValue(point.nationalValue, indicator, i18n.language) },
    ...(breaks.change || breaks.olderBoundaries
      ? [{ key: 'basis', header: t('indicators:profile.basisColumn'), render: (point: (typeof points)[number]) => (point.basis ? t(`indicators:profile.basis.${point.basis.kind}`, { year: point.basis.year }) : '') }]
      : []),
  ];
  return (
    <Section title={t('indicators:profile.seriesHeading')} id="profile-series">
      <div className="wr-series-controls">
        <SelectField
          id="series-indicator"
          label={t('indicators:common.indicator')}
          options={candidates.map((row) => ({ value: row.indicator, label: row.name }))}
          value={indicatorCode ?? ''}
          onChange={(event) => setChosen(event.target.value)}
        />
      </div>
      <QueryState isPending={series.isPending && indicatorCode !== null} error={series.error} />
      {breaks.change ? (
        <p className="utrecht-paragraph wr-break-note">{t(breaks.change.converted === 'before' ? 'indicators:profile.seriesBreakBefore' : 'indicators:profile.seriesBreakAfter', { year: breaks.change.year })}</p>
      ) : null}
      {breaks.olderBoundaries ? (
        <p className="utrecht-paragraph wr-muted wr-break-note">{t('indicators:profile.seriesOlderBoundaries', { periods: breaks.olderBoundaries.periods.join(', '), year: breaks.olderBoundaries.year })}</p>
      ) : null}
      {series.data ? (
        hasSeries(points) ? (
          <div className="wr-series">
            <TimeSeriesChart title={t('indicators:profile.seriesTitle', { indicator: indicator?.name ?? indicatorCode })} rows={chartRows} lines={lines} format={format} />
            <details className="wr-details">
              <summary>{t('indicators:profile.seriesTable')}</summary>
              <Table caption={t('indicators:profile.seriesTitle', { indicator: indicator?.name ?? indicatorCode })} columns={seriesColumns} rows={points} rowKey={(point) => String(point.period)} compact />
            </details>
          </div>
        ) : (
          <p className="utrecht-paragraph wr-muted">{t('indicators:profile.noSeries')}</p>
        )
      ) : null}
    </Section>
  );
}

/** The area profile: every indicator against the municipality and the country, with a time series and exports. */
export default function AreaProfilePage() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const user = useCurrentUser();
  const requestedPeriod = params.get('jaar');
  const period = requestedPeriod && /^\d{4}$/.test(requestedPeriod) ? Number(requestedPeriod) : null;
  const area = useArea(code, { geometry: true });
  const profile = useProfile(code, period);
  const catalogue = useIndicatorCatalogue();
  const locale = i18n.language;
  const isFocus = area.data?.level === 'focus';

  const groups = useMemo(
    () => (profile.data && catalogue.data ? profileRowsByTheme(profile.data.items, catalogue.data, t('indicators:profile.otherTheme'), locale) : []),
    [profile.data, catalogue.data, t, locale],
  );
  const allRows = groups.flatMap((group) => group.rows);
  const notAggregable = isFocus && allRows.some((row) => row.aggregation === 'none');
  const shownPeriod = profile.data?.period ?? period;

  const valueCell = (row: ProfileRow, value: number | null) => formatIndicatorValue(value, { decimals: row.decimals, unit: row.unit }, locale);
  const columns: Column<ProfileRow>[] = [
    {
      key: 'name',
      header: t('indicators:common.indicator'),
      rowHeader: true,
      render: (row) => (
        <>
          {row.name}
          {row.unit && row.unit !== 'aantal' ? <span className="wr-table__secondary">{row.unit}</span> : null}
        </>
      ),
    },
    {
      key: 'value',
      header: isFocus ? t('indicators:profile.focusValue') : t('indicators:profile.thisArea'),
      numeric: true,
      render: (row) =>
        row.suppressed ? (
          <span className="wr-muted">{t('indicators:common.suppressedShort')}</span>
        ) : isFocus && row.aggregation === 'none' ? (
          <span className="wr-muted">{t('indicators:profile.notAggregable')}</span>
        ) : row.basis?.kind === 'crosswalk' ? (
          <>
            {valueCell(row, row.value)}
            <span className="wr-table__secondary">{t('indicators:profile.carriedShort')}</span>
          </>
        ) : (
          valueCell(row, row.value)
        ),
    },
    { key: 'municipality', header: t('indicators:profile.municipality'), numeric: true, render: (row) => valueCell(row, row.municipalityValue) },
    { key: 'national', header: t('indicators:profile.national'), numeric: true, render: (row) => valueCell(row, row.nationalValue) },
    { key: 'index', header: t('indicators:profile.index'), numeric: true, render: (row) => formatIndex(row.index, locale) },
    { key: 'direction', header: t('indicators:profile.directionHeading'), render: (row) => <Direction row={row} /> },
    ...(isFocus
      ? [{ key: 'aggregation', header: t('indicators:profile.aggregation'), render: (row: ProfileRow) => (row.aggregation ? t(`indicators:profile.aggregations.${row.aggregation}`) : NO_VALUE) }]
      : []),
  ];

  const ancestors = [...(area.data?.ancestors ?? [])].reverse();
  const title = area.data ? area.data.name : t('indicators:profile.title');

  return (
    <Page
      title={title}
      lead={
        // A CBS code means something to an analyst; a focus area's code is the app's own, so it is not shown.
        area.data
          ? area.data.level === 'focus'
            ? t('indicators:profile.leadFocus')
            : t('indicators:profile.lead', { level: t(`indicators:levels.${area.data.level}`), code: area.data.code })
          : undefined
      }
      actions={
        hasPermission(user, 'indicators.export') && profile.data ? (
          <div className="wr-button-group utrecht-button-group">
            <a className="utrecht-button utrecht-button--secondary-action wr-button-link" href={profileExportUrl(code, shownPeriod, 'csv')} download>
              {t('indicators:profile.exportCsv')}
            </a>
            <a className="utrecht-button utrecht-button--secondary-action wr-button-link" href={profileExportUrl(code, shownPeriod, 'xlsx')} download>
              {t('indicators:profile.exportXlsx')}
            </a>
          </div>
        ) : undefined
      }
    >
      <nav aria-label={t('indicators:profile.breadcrumb')} className="wr-breadcrumb">
        <ol className="wr-breadcrumb__list">
          <li>
            <Link className="utrecht-link utrecht-link--html-a" to="/gebieden">
              {t('indicators:profile.allAreas')}
            </Link>
          </li>
          {ancestors.map((ancestor) => (
            <li key={ancestor.code}>
              <Link className="utrecht-link utrecht-link--html-a" to={`/gebieden/${ancestor.code}`}>
                {ancestor.name}
              </Link>
            </li>
          ))}
          {area.data ? <li aria-current="page">{area.data.name}</li> : null}
        </ol>
      </nav>
      <QueryState isPending={area.isPending} error={area.error} onRetry={() => void area.refetch()} />
      {area.data ? (
        <div className="wr-profile-head">
          <div className="wr-profile-head__map">
            <AreaOutline area={area.data} />
          </div>
          <div className="wr-profile-head__facts">
            <dl className="utrecht-data-list utrecht-data-list--rows wr-data-list">
              <div className="utrecht-data-list__item">
                <dt className="utrecht-data-list__item-key">{t('indicators:common.level')}</dt>
                <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{t(`indicators:levels.${area.data.level}`)}</dd>
              </div>
              <div className="utrecht-data-list__item">
                <dt className="utrecht-data-list__item-key">{t(area.data.level === 'focus' ? 'indicators:common.focusCode' : 'indicators:common.code')}</dt>
                <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
                  <code className="wr-code">{area.data.code}</code>
                </dd>
              </div>
              {profile.data && profile.data.periods.length > 0 ? (
                <div className="utrecht-data-list__item">
                  <dt className="utrecht-data-list__item-key">{t('indicators:profile.periods')}</dt>
                  <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{[...profile.data.periods].sort((a, b) => a - b).join(', ')}</dd>
                </div>
              ) : null}
            </dl>
            {area.data.members && area.data.members.length > 0 ? (
              <div className="wr-members">
                <p className="wr-members__heading">{t('indicators:profile.members', { count: area.data.members.length })}</p>
                <ul className="wr-members__list">
                  {area.data.members.map((member) => (
                    <li key={member.code}>
                      <Link className="utrecht-link utrecht-link--html-a" to={`/gebieden/${member.code}`}>
                        {member.name}
                      </Link>{' '}
                      <code className="wr-code wr-muted">{member.code}</code>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        </div>
      ) : null}
      <QueryState isPending={profile.isPending || catalogue.isPending} error={profile.error ?? catalogue.error} onRetry={() => void profile.refetch()} />
      {profile.data ? (
        <>
          <div className="wr-toolbar wr-profile-period">
            <SelectField
              id="profile-period"
              label={t('indicators:common.year')}
              options={[...profile.data.periods].sort((a, b) => b - a).map((value) => ({ value: String(value), label: String(value) }))}
              value={shownPeriod === null ? '' : String(shownPeriod)}
              onChange={(event) => setParams({ jaar: event.target.value }, { replace: true })}
            />
            <p className="utrecht-paragraph wr-muted wr-profile-period__note">{t('indicators:profile.indexNote')}</p>
          </div>
          <ProfileBreakNotes items={profile.data.items} period={profile.data.period} />
          {notAggregable ? (
            <Alert type="info" heading={t('indicators:profile.aggregationHeading')}>
              <p className="utrecht-paragraph">{t('indicators:profile.aggregationNote')}</p>
            </Alert>
          ) : null}
          {groups.length === 0 ? <p className="utrecht-paragraph wr-empty-note">{t('indicators:profile.noFigures')}</p> : null}
          {profile.data.items.length > 0 && profile.data.items.every((item) => item.nationalValue === null) ? (
            <p className="utrecht-paragraph wr-muted">{t('indicators:profile.noNationalFigures', { period: shownPeriod ?? '' })}</p>
          ) : null}
          <Section title={t('indicators:profile.figuresHeading', { period: shownPeriod ?? '' })} id="profile-figures">
            {groups.map((group) => (
              <Table key={group.theme} caption={group.theme} columns={columns} rows={group.rows} rowKey={(row) => row.indicator} compact />
            ))}
          </Section>
          {catalogue.data && allRows.length > 0 ? <SeriesSection code={code} rows={allRows} catalogue={catalogue.data} /> : null}
          <SpatialAdviceSection areaCode={code} />
          <p className="utrecht-paragraph wr-muted">{DATA_ATTRIBUTION}</p>
        </>
      ) : null}
    </Page>
  );
}
