import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { ChoroplethMap, type MapArea } from '../../../../platform/web/map/ChoroplethMap';
import { classBreaks, classIndex } from '../../../../platform/web/map/class-breaks';
import { colourFor, paletteFor } from '../../../../platform/web/map/colour-scale';
import { useMeta } from '../../../../platform/web/session';
import type { Indicator, RankingResult } from '../../contract';
import { Legend } from '../components/Legend';
import { DATA_ATTRIBUTION, useAreaFeatures } from '../figures-api';
import { formatIndicatorValue, formatScore } from '../format';

type RankedArea = RankingResult['items'][number];

interface RankingResultViewProps {
  result: RankingResult;
  criteria: readonly { indicator: string }[];
  catalogue: readonly Indicator[];
  municipality: string;
  level: 'wijk' | 'buurt';
  period: number;
}

/** A ranking's outcome: the ranked list with z-scores per criterion, and a map of the composite score. */
export function RankingResultView({ result, criteria, catalogue, municipality, level, period }: RankingResultViewProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const meta = useMeta();
  const locale = i18n.language;
  const features = useAreaFeatures({ municipality, level, year: period });
  const byCode = new Map(catalogue.map((indicator) => [indicator.code, indicator]));
  const scoreByArea = useMemo(() => new Map(result.items.map((item) => [item.areaCode, item])), [result]);
  const breaks = useMemo(() => classBreaks(result.items.map((item) => item.score), 'quantile', 5), [result]);
  // Higher composite = more priority: the warm palette.
  const palette = paletteFor('lower_is_better', Math.max(1, breaks.length - 1));
  const areas: MapArea[] = useMemo(
    () => (features.data?.features ?? []).map((feature) => ({ code: feature.properties.code, name: feature.properties.name, geometry: feature.geometry as unknown as MapArea['geometry'] })),
    [features.data],
  );

  const columns: Column<RankedArea>[] = [
    { key: 'rank', header: t('indicators:ranking.rank'), numeric: true, render: (item) => item.rank },
    { key: 'name', header: t('indicators:common.area'), rowHeader: true, render: (item) => <Link className="utrecht-link utrecht-link--html-a" to={`/gebieden/${item.areaCode}`}>{item.name}</Link> },
    { key: 'score', header: t('indicators:ranking.composite'), numeric: true, render: (item) => <strong>{formatScore(item.score, locale)}</strong> },
    ...criteria.map((criterion) => {
      const indicator = byCode.get(criterion.indicator);
      return {
        key: `z-${criterion.indicator}`,
        header: (
          <>
            {indicator?.name ?? criterion.indicator}
            <span className="wr-table__secondary">{t('indicators:ranking.zAndValue')}</span>
          </>
        ),
        numeric: true,
        render: (item: RankedArea) => (
          <>
            {formatScore(item.scores[criterion.indicator], locale)}
            <span className="wr-table__secondary">{formatIndicatorValue(item.values[criterion.indicator], indicator, locale)}</span>
          </>
        ),
      };
    }),
  ];

  return (
    <>
      <Section title={t('indicators:ranking.resultHeading')} id="ranking-result">
        <p className="utrecht-paragraph wr-muted">{t('indicators:ranking.resultLead')}</p>
        <QueryState isPending={features.isPending} error={features.error} />
        {features.data ? (
          <div className="wr-map-layout">
            <div className="wr-map-layout__map">
              <ChoroplethMap
                areas={areas}
                fillFor={(code) => {
                  const index = classIndex(scoreByArea.get(code)?.score ?? null, breaks);
                  return index === null ? null : colourFor(index, palette);
                }}
                describe={(code) => {
                  const item = scoreByArea.get(code);
                  return item ? t('indicators:ranking.tooltip', { rank: item.rank, score: formatScore(item.score, locale) }) : t('indicators:ranking.excludedShort');
                }}
                onSelect={(code) => void navigate(`/gebieden/${code}`)}
                tiles={meta.data?.mapTiles ?? null}
                attribution={DATA_ATTRIBUTION}
                label={t('indicators:ranking.mapLabel')}
                styleKey={result.items.map((item) => `${item.areaCode}${item.score}`).join()}
              />
            </div>
            <aside className="wr-map-layout__legend" aria-label={t('indicators:map.legend')}>
              <Legend title={t('indicators:ranking.composite')} breaks={breaks} palette={palette} decimals={2} noData={result.excluded.length} note={t('indicators:ranking.legendNote')} />
            </aside>
          </div>
        ) : null}
        <Table caption={t('indicators:ranking.tableCaption')} columns={columns} rows={result.items} rowKey={(item) => item.areaCode} compact />
      </Section>
      {result.excluded.length > 0 ? (
        <Section title={t('indicators:ranking.excludedHeading', { count: result.excluded.length })} id="ranking-excluded" headingLevel={3}>
          <ul className="utrecht-unordered-list">
            {result.excluded.map((item) => (
              <li key={item.areaCode} className="utrecht-unordered-list__item">
                {item.name} <code className="wr-code">{item.areaCode}</code>: {t('indicators:ranking.missing', { indicators: item.missing.map((code) => byCode.get(code)?.name ?? code).join(', ') })}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
