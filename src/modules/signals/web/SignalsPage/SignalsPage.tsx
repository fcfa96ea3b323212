import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { toQueryString } from '../../../../platform/web/api-client';
import { Button } from '../../../../platform/web/components/Button';
import { SelectField, TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { ChoroplethMap, type MapArea } from '../../../../platform/web/map/ChoroplethMap';
import { hasPermission, useCurrentUser, useMeta } from '../../../../platform/web/session';
import type { SignalSummary } from '../../contract';
import { ConfidentialityTag, SyntheticNotice, SyntheticTag } from '../components/SyntheticNotice';
import { categoryName, DEMO_MUNICIPALITY, formatDateTime, useBuurtFeatures, useSignalCounts, useSignals, useTaxonomy } from '../signals-api';
import '../signals.css';

const PALETTE = ['#deebf7', '#9ecae1', '#4292c6', '#08519c'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PAGE_SIZE = 50;

/** "Signalen": the signals the user may see, counts per buurt with small numbers suppressed, and filters. */
export default function SignalsPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const meta = useMeta();
  const [params, setParams] = useSearchParams();
  const category = params.get('categorie') ?? '';
  const areaCode = params.get('buurt') ?? '';
  const from = DATE.test(params.get('van') ?? '') ? (params.get('van') as string) : '';
  const to = DATE.test(params.get('tot') ?? '') ? (params.get('tot') as string) : '';
  const offset = /^\d{1,6}$/.test(params.get('vanaf') ?? '') ? Number(params.get('vanaf')) : 0;
  const filters = { municipality: DEMO_MUNICIPALITY, category: category || undefined, from: from || undefined, to: to || undefined };
  const taxonomy = useTaxonomy();
  const list = useSignals({ ...filters, areaCode: areaCode || undefined, offset: offset || undefined });
  const counts = useSignalCounts(filters);
  const features = useBuurtFeatures(DEMO_MUNICIPALITY);

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    // A new filter starts at the first page.
    if (key !== 'vanaf') next.delete('vanaf');
    setParams(next, { replace: true });
  };

  const areas: MapArea[] = useMemo(
    () => (features.data?.features ?? []).map((f) => ({ code: f.properties.code, name: f.properties.name, geometry: f.geometry as MapArea['geometry'] })),
    [features.data],
  );
  const countByArea = useMemo(() => new Map((counts.data?.items ?? []).map((c) => [c.areaCode, c])), [counts.data]);
  const max = Math.max(1, ...(counts.data?.items ?? []).map((c) => c.count ?? 0));
  const fillFor = (code: string): string | null => {
    const cell = countByArea.get(code);
    if (!cell) return '#ffffff';
    if (cell.suppressed || cell.count === null) return null;
    return PALETTE[Math.min(PALETTE.length - 1, Math.floor(((cell.count - 1) / max) * PALETTE.length))] ?? PALETTE[0]!;
  };
  const describe = (code: string): string => {
    const cell = countByArea.get(code);
    if (!cell) return t('signals:counts.none');
    return cell.suppressed ? t('signals:counts.suppressed', { threshold: counts.data?.threshold ?? 5 }) : t('signals:counts.value', { count: cell.count ?? 0 });
  };

  const categoryOptions = (taxonomy.data?.categories ?? []).map((c) => ({ value: c.code, label: categoryName(taxonomy.data, c.code, i18n.language) }));
  const buurtOptions = areas.map((a) => ({ value: a.code, label: a.name })).sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  const columns: Column<SignalSummary>[] = [
    { key: 'when', header: t('signals:fields.occurredAt'), render: (s) => <Link className="utrecht-link utrecht-link--html-a" to={`/signalen/${s.id}`}>{formatDateTime(s.occurredAt, i18n.language)}</Link>, rowHeader: true },
    { key: 'category', header: t('signals:fields.category'), render: (s) => categoryName(taxonomy.data, s.category, i18n.language) },
    { key: 'area', header: t('signals:fields.buurt'), render: (s) => s.areaName ?? s.areaCode },
    { key: 'source', header: t('signals:fields.source'), render: (s) => s.sourceOrganisation.name },
    { key: 'level', header: t('signals:fields.confidentiality'), render: (s) => <ConfidentialityTag level={s.confidentiality} /> },
    { key: 'subjects', header: t('signals:fields.subjects'), numeric: true, render: (s) => s.personCount + s.groupCount },
    { key: 'demo', header: t('signals:fields.origin'), render: (s) => (s.isDemo ? <SyntheticTag /> : t('signals:origin.registered')) },
  ];
  const countRows = (counts.data?.items ?? []).slice().sort((a, b) => (b.count ?? 0) - (a.count ?? 0));
  const showSynthetic = (list.data?.items ?? []).some((s) => s.isDemo);

  return (
    <Page
      title={t('signals:list.title')}
      lead={t('signals:list.lead')}
      actions={
        <div className="wr-signals-actions">
          {hasPermission(user, 'signals.create') ? (
            <Link className="utrecht-button utrecht-button--primary-action wr-button-link" to="/signalen/nieuw">
              {t('signals:list.register')}
            </Link>
          ) : null}
          {hasPermission(user, 'signals.import') ? (
            <Link className="utrecht-button utrecht-button--secondary-action wr-button-link" to="/signalen-importeren">
              {t('signals:import.link')}
            </Link>
          ) : null}
          {hasPermission(user, 'signals.export') ? (
            <a className="utrecht-button utrecht-button--secondary-action wr-button-link" href={`/api/v1/signals/export${toQueryString({ ...filters, areaCode: areaCode || undefined })}`} download>
              {t('signals:list.export')}
            </a>
          ) : null}
        </div>
      }
    >
      <SyntheticNotice shown={showSynthetic} />
      <div className="wr-signals-toolbar" role="search" aria-label={t('signals:list.filters')}>
        <SelectField label={t('signals:fields.category')} value={category} placeholder={t('signals:list.allCategories')} options={categoryOptions} onChange={(e) => set('categorie', e.target.value)} />
        <SelectField label={t('signals:fields.buurt')} value={areaCode} placeholder={t('signals:list.allBuurten')} options={buurtOptions} onChange={(e) => set('buurt', e.target.value)} />
        <TextField label={t('signals:list.from')} type="date" value={from} onChange={(e) => set('van', e.target.value)} />
        <TextField label={t('signals:list.to')} type="date" value={to} onChange={(e) => set('tot', e.target.value)} />
      </div>
      <Section title={t('signals:counts.heading')}>
        <p className="utrecht-paragraph">{t('signals:counts.explain', { threshold: counts.data?.threshold ?? 5 })}</p>
        <QueryState isPending={counts.isPending || features.isPending} error={counts.error ?? features.error} />
        <div className="wr-signals-layout">
          {counts.data && areas.length ? (
            <ChoroplethMap
              areas={areas}
              fillFor={fillFor}
              describe={describe}
              onSelect={(code) => set('buurt', code)}
              tiles={meta.data?.mapTiles ?? null}
              attribution={t('signals:counts.attribution')}
              label={t('signals:counts.mapLabel')}
              styleKey={JSON.stringify(counts.data.items)}
            />
          ) : (
            <div />
          )}
          {counts.data ? (
            <div className="wr-signals-counts">
              <Table
                caption={t('signals:counts.caption')}
                columns={[
                  { key: 'area', header: t('signals:fields.buurt'), rowHeader: true, render: (c) => c.areaName ?? c.areaCode },
                  { key: 'n', header: t('signals:counts.count'), numeric: true, render: (c) => (c.suppressed ? <abbr title={t('signals:counts.suppressed', { threshold: counts.data.threshold })}>{`< ${counts.data.threshold}`}</abbr> : c.count) },
                ]}
                rows={countRows}
                rowKey={(c) => c.areaCode}
                empty={t('signals:list.empty')}
                compact
              />
            </div>
          ) : null}
        </div>
      </Section>
      <Section title={t('signals:list.signalsHeading', { count: list.data?.total ?? 0 })}>
        <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} />
        {list.data ? (
          <>
            <Table caption={t('signals:list.caption')} captionHidden columns={columns} rows={list.data.items} rowKey={(s) => s.id} empty={t('signals:list.empty')} compact />
            {list.data.total > PAGE_SIZE ? (
              <nav className="wr-signals-actions" aria-label={t('signals:list.pages')}>
                <Button disabled={offset === 0} onClick={() => set('vanaf', offset - PAGE_SIZE > 0 ? String(offset - PAGE_SIZE) : '')}>
                  {t('signals:list.previous')}
                </Button>
                <span className="utrecht-paragraph">{t('signals:list.range', { first: offset + 1, last: Math.min(offset + PAGE_SIZE, list.data.total), total: list.data.total })}</span>
                <Button disabled={offset + PAGE_SIZE >= list.data.total} onClick={() => set('vanaf', String(offset + PAGE_SIZE))}>
                  {t('signals:list.next')}
                </Button>
              </nav>
            ) : null}
          </>
        ) : null}
      </Section>
    </Page>
  );
}
