import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from '../../../../platform/web/components/Button';
import { Table } from '../../../../platform/web/components/Table';
import type { Alternative, Line, MkbaDetail } from '../../contract';
import { formatEuros } from '../format';
import { useMkbaChange } from '../mkba-api';
import { LineForm } from './LineForm';
import { MkbaError } from './MkbaError';

/**
 * Every line of an alternative, folded away; those who may manage can change a line in place (the form opens
 * under the table, with the focus on its heading; afterwards the focus goes back to the line's button) or
 * delete it. The result follows every change.
 */
export function LineList({ mkba, alternative, canManage }: { mkba: MkbaDetail; alternative: Alternative; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const change = useMkbaChange(mkba.id);
  const [editing, setEditing] = useState<string | null>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const measure = (line: Line) => alternative.measures.find((m) => m.id === line.measureId)?.name ?? t('learning:line.noMeasure');
  const label = (line: Line) => `${t(`learning:kinds.${line.kind}`)}, ${t(`learning:actors.${line.actor}`)}, ${line.year}${line.description ? `: ${line.description}` : ''}`;
  const editedLine = alternative.lines.find((l) => l.id === editing);
  const stopEditing = () => {
    const id = editing;
    setEditing(null);
    if (id) requestAnimationFrame(() => editButtons.current.get(id)?.focus());
  };
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
                  key: 'actions',
                  header: <span className="wr-visually-hidden">{t('learning:lines.actions')}</span>,
                  render: (line: Line) => (
                    <ButtonGroup>
                      <Button
                        appearance="subtle"
                        ref={(element: HTMLButtonElement | null) => {
                          if (element) editButtons.current.set(line.id, element);
                          else editButtons.current.delete(line.id);
                        }}
                        aria-expanded={editing === line.id}
                        onClick={() => setEditing(editing === line.id ? null : line.id)}
                      >
                        {t('learning:lines.edit')}
                        <span className="wr-visually-hidden">: {label(line)}</span>
                      </Button>
                      <Button appearance="subtle" danger busy={change.isPending && change.variables?.path.endsWith(line.id)} onClick={() => change.mutate({ method: 'DELETE', path: `/api/v1/mkba-lines/${line.id}` })}>
                        {t('learning:lines.delete')}
                        <span className="wr-visually-hidden">: {label(line)}</span>
                      </Button>
                    </ButtonGroup>
                  ),
                },
              ]
            : []),
        ]}
        rows={alternative.lines}
        rowKey={(line) => line.id}
        empty={t('learning:table.empty')}
      />
      {canManage && editedLine ? <LineForm key={editedLine.id} mkba={mkba} alternative={alternative} line={editedLine} onDone={stopEditing} /> : null}
    </details>
  );
}
