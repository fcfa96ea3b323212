import { useTranslation } from 'react-i18next';
import { Button } from '../../../../platform/web/components/Button';
import { Table } from '../../../../platform/web/components/Table';
import type { Alternative, Line } from '../../contract';
import { formatEuros } from '../format';
import { useMkbaChange } from '../mkba-api';
import { MkbaError } from './MkbaError';

/** Every line of an alternative, folded away; those who may manage can delete one (the result follows). */
export function LineList({ mkbaId, alternative, canManage }: { mkbaId: string; alternative: Alternative; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const change = useMkbaChange(mkbaId);
  const measure = (line: Line) => alternative.measures.find((m) => m.id === line.measureId)?.name ?? t('learning:line.noMeasure');
  const label = (line: Line) => `${t(`learning:kinds.${line.kind}`)}, ${t(`learning:actors.${line.actor}`)}, ${line.year}${line.description ? `: ${line.description}` : ''}`;
  return (
    <details className="wr-mkba-lines">
      <summary>{t('learning:lines.summary', { count: alternative.lines.length })}</summary>
      <MkbaError error={change.error} />
      <Table
        caption={t('learning:lines.caption', { name: alternative.name })}
        captionHidden
        compact
        columns={[
          { key: 'year', header: t('learning:line.year'), render: (line: Line) => String(line.year), rowHeader: true },
          { key: 'kind', header: t('learning:line.kind'), render: (line: Line) => t(`learning:kinds.${line.kind}`) },
          { key: 'actor', header: t('learning:line.actor'), render: (line: Line) => t(`learning:actors.${line.actor}`) },
          { key: 'measure', header: t('learning:line.measure'), render: measure },
          { key: 'amount', header: t('learning:line.amount'), render: (line: Line) => (line.amountCents === null ? t('learning:lines.pm') : formatEuros(line.amountCents, i18n.language)), numeric: true },
          { key: 'description', header: t('learning:line.description'), render: (line: Line) => line.description },
          ...(canManage
            ? [
                {
                  key: 'delete',
                  header: <span className="wr-visually-hidden">{t('learning:lines.actions')}</span>,
                  render: (line: Line) => (
                    <Button appearance="subtle" danger busy={change.isPending && change.variables?.path.endsWith(line.id)} onClick={() => change.mutate({ method: 'DELETE', path: `/api/v1/mkba-lines/${line.id}` })}>
                      {t('learning:lines.delete')}
                      <span className="wr-visually-hidden">: {label(line)}</span>
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
        rows={alternative.lines}
        rowKey={(line) => line.id}
        empty={t('learning:table.empty')}
      />
    </details>
  );
}
