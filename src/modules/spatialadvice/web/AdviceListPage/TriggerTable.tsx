import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button, ButtonGroup } from '../../../../platform/web/components/Button';
import { StatusBadge, type BadgeStatus } from '../../../../platform/web/components/StatusBadge';
import { Table, type Column } from '../../../../platform/web/components/Table';
import type { TriggerSummary } from '../../contract';
import { useStartScan } from '../spatial-api';

const BADGE: Record<TriggerSummary['status'], BadgeStatus> = { open: 'danger', scanning: 'warning', advised: 'active', dismissed: 'neutral' };

interface Props {
  caption: string;
  empty: string;
  rows: readonly TriggerSummary[];
  canManage: boolean;
  onDismiss: (trigger: TriggerSummary) => void;
  onError: (error: unknown) => void;
}

/** One list of triggers (needed, scanning or done) with what the reader can do with each. */
export function TriggerTable({ caption, empty, rows, canManage, onDismiss, onError }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartScan();
  const columns: Column<TriggerSummary>[] = [
    {
      key: 'place',
      header: t('spatialadvice:list.place'),
      rowHeader: true,
      render: (tr) => (
        <>
          {tr.scanId ? (
            <Link className="utrecht-link utrecht-link--html-a" to={`/veiligheidsadvies/scans/${tr.scanId}`}>
              {tr.placeName}
            </Link>
          ) : (
            tr.placeName
          )}
          {tr.isDemo ? (
            <>
              {' '}
              <StatusBadge status="neutral">{t('spatialadvice:list.illustrative')}</StatusBadge>
            </>
          ) : null}
        </>
      ),
    },
    {
      key: 'kind',
      header: t('spatialadvice:list.kind'),
      render: (tr) => (
        <>
          {t(`spatialadvice:kinds.${tr.kind}`)}
          {/* The server names a programme or analysis only to who may open it; others read a neutral label. */}
          {tr.programme ? <span className="wr-muted wr-sa-block">{tr.programme.name !== null ? t('spatialadvice:list.programme', { name: tr.programme.name }) : t('spatialadvice:list.programmeUnnamed')}</span> : null}
          {tr.hotspot ? <span className="wr-muted wr-sa-block">{tr.hotspot.analysisName !== null ? t('spatialadvice:list.hotspot', { name: tr.hotspot.analysisName }) : t('spatialadvice:list.hotspotUnnamed')}</span> : null}
          {tr.description ? <span className="wr-muted wr-sa-block">{tr.description}</span> : null}
        </>
      ),
    },
    { key: 'area', header: t('spatialadvice:list.area'), render: (tr) => tr.areaName },
    {
      key: 'status',
      header: t('spatialadvice:list.status'),
      render: (tr) => (
        <>
          <StatusBadge status={BADGE[tr.status]}>{tr.outcome ? t(`spatialadvice:outcomes.${tr.outcome}`) : t(`spatialadvice:statuses.${tr.status}`)}</StatusBadge>
          {tr.dismissReason ? <span className="wr-muted wr-sa-block">{t('spatialadvice:list.dismissed', { reason: tr.dismissReason })}</span> : null}
        </>
      ),
    },
    {
      key: 'actions',
      header: t('spatialadvice:list.actions'),
      render: (tr) =>
        tr.status === 'open' && canManage ? (
          <ButtonGroup>
            <Button
              appearance="primary"
              busy={start.isPending && start.variables === tr.id}
              onClick={() => start.mutate(tr.id, { onSuccess: (scan) => void navigate(`/veiligheidsadvies/scans/${scan.id}`), onError })}
            >
              {t('spatialadvice:list.startScan')}
              <span className="wr-visually-hidden">: {tr.placeName}</span>
            </Button>
            <Button appearance="subtle" onClick={() => onDismiss(tr)}>
              {t('spatialadvice:list.dismiss')}
              <span className="wr-visually-hidden">: {tr.placeName}</span>
            </Button>
          </ButtonGroup>
        ) : tr.scanId ? (
          <Link className="utrecht-link utrecht-link--html-a" to={`/veiligheidsadvies/scans/${tr.scanId}`}>
            {tr.status === 'advised' ? t('spatialadvice:list.openAdvice') : t('spatialadvice:list.openScan')}
            <span className="wr-visually-hidden">: {tr.placeName}</span>
          </Link>
        ) : tr.status === 'scanning' || tr.status === 'advised' ? (
          // The server gives no scan to a partner who does not take part in it (docs/spatialadvice.md, "Who sees what").
          <span className="wr-muted">{t('spatialadvice:list.scanNotYours')}</span>
        ) : null,
    },
  ];
  return <Table caption={caption} columns={columns} rows={rows} rowKey={(tr) => tr.id} empty={empty} />;
}
