import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoroplethMap, type MapArea } from '../../../../platform/web/map/ChoroplethMap';
import { useMeta } from '../../../../platform/web/session';
import type { TriggerSummary } from '../../contract';

/** Fill per stand: open red-ish, scanning amber, advised green; the same words are in the tooltip and the lists. */
const FILL: Record<TriggerSummary['status'], string> = { open: '#c0392b', scanning: '#e0a100', advised: '#2e7d32', dismissed: '#8a8a8a' };

function isShape(value: unknown): value is MapArea['geometry'] {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'Polygon' || type === 'MultiPolygon';
}

/**
 * The triggers on the map: a place as the small hexagon the server stored around its point, an area or a
 * hot cell with its own outline. A picture for sighted mouse users; the lists on the page say the same.
 */
export function AdviceMap({ triggers, small = false }: { triggers: readonly TriggerSummary[]; small?: boolean }) {
  const { t } = useTranslation();
  const meta = useMeta();
  // Areas first, places (with a point) last, so a small place is drawn on top of the area around it.
  const areas: MapArea[] = useMemo(() => [...triggers].sort((a, b) => Number(a.point !== null) - Number(b.point !== null)).flatMap((tr) => (isShape(tr.geometry) ? [{ code: tr.id, name: tr.placeName, geometry: tr.geometry }] : [])), [triggers]);
  const byId = useMemo(() => new Map(triggers.map((tr) => [tr.id, tr])), [triggers]);
  if (areas.length === 0) return <p className="utrecht-paragraph wr-muted">{t('spatialadvice:list.mapNone')}</p>;
  return (
    <ChoroplethMap
        areas={areas}
        fillFor={(id) => FILL[byId.get(id)?.status ?? 'dismissed']}
        describe={(id) => {
          const tr = byId.get(id);
          return tr ? `${t(`spatialadvice:kinds.${tr.kind}`)} · ${tr.outcome ? t(`spatialadvice:outcomes.${tr.outcome}`) : t(`spatialadvice:statuses.${tr.status}`)}` : '';
        }}
        tiles={meta.data?.mapTiles ?? null}
        attribution={t('spatialadvice:list.mapAttribution')}
        label={t('spatialadvice:list.mapLabel')}
        styleKey={triggers.map((tr) => `${tr.id}:${tr.status}`).join(',')}
        small={small}
      />
  );
}
