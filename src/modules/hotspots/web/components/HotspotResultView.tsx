import { cellToBoundary } from 'h3-js';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../../platform/web/components/Page';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { ChoroplethMap, type MapArea } from '../../../../platform/web/map/ChoroplethMap';
import { useMeta } from '../../../../platform/web/session';
import type { HotspotItem, HotspotResult } from '../../contract';
import { classOf, countClasses, fillOf, isHotByNeighbours, isQuietClass, legendClasses, tableRows } from '../bins';
import { useAreaShapes } from '../hotspots-api';

/** Above this many cells the table lists only the significant ones (the map still shows all). */
const FULL_TABLE_LIMIT = 200;

interface Props {
  result: HotspotResult;
  /** For polygons: where the area boundaries come from. */
  municipality: string;
  level: 'wijk' | 'buurt' | null;
  /** What the values are, e.g. the indicator's name or "signalen". */
  valueLabel: string;
}

/** The map layer coloured by bin, its legend with counts, the plain-language explanation and the same result as a table. */
export function HotspotResultView({ result, municipality, level, valueLabel }: Props) {
  const { t, i18n } = useTranslation();
  const meta = useMeta();
  const isH3 = result.cell.startsWith('h3:');
  const shapes = useAreaShapes(isH3 ? null : municipality, level ?? 'buurt', isH3 ? null : result.year);
  const cellName = (item: HotspotItem) => item.name ?? t('hotspots:result.cellOutside');
  const weightsText = t(`hotspots:weightsShort.${result.weights.split(':')[0]}`, { k: result.weights.split(':')[1] ?? '' });
  const byId = useMemo(() => new Map(result.items.map((item) => [item.id, item])), [result]);
  const areas: MapArea[] = useMemo(() => {
    if (isH3) return result.items.map((item) => ({ code: item.id, name: item.name ?? t('hotspots:result.cellOutside'), geometry: { type: 'Polygon', coordinates: [cellToBoundary(item.id, true)] } }));
    return (shapes.data?.features ?? []).map((f) => ({ code: f.properties.code, name: f.properties.name, geometry: f.geometry as MapArea['geometry'] }));
  }, [isH3, result, shapes.data, t]);
  const classes = legendClasses(result.statistic);
  const counts = useMemo(() => countClasses(result.items, result.statistic), [result]);
  const suppressedCount = result.items.filter((i) => i.suppressed).length;
  const number = (value: number | null, digits = 2) => (value === null ? '–' : value.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: digits }));
  const pText = (value: number | null) => (value === null ? '–' : value < 0.001 ? '< 0,001'.replace(',', i18n.language === 'en' ? '.' : ',') : number(value, 3));
  const suppressedText = t('hotspots:result.suppressed', { threshold: result.suppressBelow ?? 5 });
  const labelOf = (item: HotspotItem) => {
    const label = t(classes.find((c) => c.key === classOf(item, result.statistic))?.labelKey ?? 'hotspots:bins.0');
    return isHotByNeighbours(item, result.statistic) ? t('hotspots:result.byNeighbours', { label }) : label;
  };
  const describe = (id: string) => {
    const item = byId.get(id);
    if (!item) return t('hotspots:result.notAnalysed');
    const place = isH3 ? `${cellName(item)} · ` : '';
    if (item.suppressed) return `${place}${labelOf(item)} · ${suppressedText}`;
    return `${place}${labelOf(item)} · ${valueLabel}: ${number(item.value)}`;
  };
  const rows = useMemo(() => tableRows(result.items, result.statistic, FULL_TABLE_LIMIT), [result]);
  const listedCount = [...counts].filter(([key]) => result.items.length <= FULL_TABLE_LIMIT || !isQuietClass(key)).reduce((sum, [, count]) => sum + count, 0);
  const columns: Column<HotspotItem>[] = [
    {
      key: 'name',
      header: isH3 ? t('hotspots:result.cell') : t('hotspots:result.area'),
      rowHeader: true,
      render: (item) =>
        isH3 ? (
          <>
            {cellName(item)} <code className="wr-code wr-muted">{item.id}</code>
          </>
        ) : (
          (item.name ?? item.id)
        ),
    },
    { key: 'value', header: valueLabel, numeric: true, render: (item) => (item.suppressed ? <span className="wr-muted">{suppressedText}</span> : number(item.value)) },
    ...(result.statistic === 'local_moran' ? [{ key: 'I', header: 'I', numeric: true, render: (item: HotspotItem) => number(item.I ?? null, 3) }] : []),
    { key: 'z', header: t('hotspots:result.z'), numeric: true, render: (item) => number(item.z) },
    { key: 'p', header: t('hotspots:result.pAdjusted'), numeric: true, render: (item) => pText(item.pAdjusted) },
    { key: 'class', header: t('hotspots:result.class'), render: (item) => labelOf(item) },
  ];
  const explanation = result.statistic === 'gi_star' ? 'giStar' : 'localMoran';

  return (
    <div className="wr-hotspot-result">
      <div className="wr-map-layout">
        <div className="wr-map-layout__map">
          <ChoroplethMap
            areas={areas}
            fillFor={(id) => {
              const item = byId.get(id);
              return item ? fillOf(item, result.statistic) : null;
            }}
            describe={describe}
            tiles={meta.data?.mapTiles ?? null}
            attribution={isH3 ? t('hotspots:result.attributionSignals') : t('hotspots:result.attributionCbs')}
            label={t('hotspots:result.mapLabel', { what: valueLabel })}
            styleKey={`${result.statistic}:${result.weights}:${result.cell}:${result.n}:${areas.length}`}
          />
        </div>
        <aside className="wr-map-layout__legend" aria-label={t('hotspots:result.legend')}>
          <div className="wr-legend-box">
            <p className="wr-legend__title" id="hotspot-legend-title">
              {t(`hotspots:result.legendTitle.${explanation}`)}
            </p>
            <ul className="wr-legend" aria-labelledby="hotspot-legend-title">
              {classes.map((c) => (
                <li key={c.key} className="wr-legend__item">
                  <span className="wr-legend__swatch" ref={(element) => element?.style.setProperty('background-color', c.colour)} aria-hidden="true" />
                  <span>
                    {t(c.labelKey)} ({counts.get(c.key) ?? 0})
                  </span>
                </li>
              ))}
              {result.suppressBelow !== null ? (
                <li className="wr-legend__item">
                  <span className="wr-legend__swatch wr-legend__swatch--no-data" aria-hidden="true" />
                  <span>
                    {suppressedText} ({t('hotspots:result.suppressedLegendCount', { count: suppressedCount })})
                  </span>
                </li>
              ) : null}
              {result.excluded.length ? (
                <li className="wr-legend__item">
                  <span className="wr-legend__swatch wr-legend__swatch--no-data" aria-hidden="true" />
                  <span>
                    {t('hotspots:result.excludedLegend')} ({result.excluded.length})
                  </span>
                </li>
              ) : null}
            </ul>
            <p className="utrecht-paragraph wr-muted">{t('hotspots:result.facts', { n: result.n, weights: weightsText })}</p>
          </div>
        </aside>
      </div>
      <Section title={t('hotspots:explain.heading')} headingLevel={3} id="hotspot-explanation">
        <p className="utrecht-paragraph">{t(`hotspots:explain.${explanation}`)}</p>
        {result.statistic === 'gi_star' ? (
          <p className="utrecht-paragraph" id="hotspot-neighbourhood">
            {t(isH3 ? 'hotspots:explain.giStarNeighbourhoodCells' : 'hotspots:explain.giStarNeighbourhoodAreas', { weights: weightsText })}
          </p>
        ) : null}
        <p className="utrecht-paragraph">{t('hotspots:explain.fdr')}</p>
        {result.suppressBelow !== null ? (
          <p className="utrecht-paragraph">
            {suppressedText}. {t('hotspots:explain.suppression', { highest: result.suppressBelow - 1 })}
          </p>
        ) : null}
        {result.notes.map((note) => (
          <p key={note} className="utrecht-paragraph wr-muted">
            {t(`hotspots:notes.${note}`)}
          </p>
        ))}
        {result.excluded.length ? <p className="utrecht-paragraph wr-muted">{t('hotspots:result.excluded', { count: result.excluded.length, names: result.excluded.map((e) => e.name ?? e.id).join(', ') })}</p> : null}
      </Section>
      <Table
        caption={result.items.length > FULL_TABLE_LIMIT ? t('hotspots:result.tableSignificant', { count: listedCount }) : t('hotspots:result.tableAll', { count: listedCount })}
        columns={columns}
        rows={rows}
        rowKey={(item) => item.id}
        empty={t('hotspots:result.noneSignificant')}
        compact
      />
    </div>
  );
}
