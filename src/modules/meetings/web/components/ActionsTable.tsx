import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextField } from '../../../../platform/web/components/FormField';
import { StatusBadge, type BadgeStatus } from '../../../../platform/web/components/StatusBadge';
import { Table, type Column } from '../../../../platform/web/components/Table';
import type { Action, ActionStatus } from '../../contract';
import { fieldMessages, serverFieldLinks } from '../../../../platform/web/i18n/field-error-message';
import { formatCalendarDate } from '../format-date';
import { useUpdateAction } from '../meetings-api';

const STATUS_BADGE: Record<ActionStatus, BadgeStatus> = { open: 'neutral', in_progress: 'active', done: 'safe', cancelled: 'inactive' };

export function ActionStatusBadge({ action }: { action: Pick<Action, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  return <StatusBadge status={action.overdue ? 'danger' : STATUS_BADGE[action.status]}>{t(`meetings:actionStatus.${action.status}`)}</StatusBadge>;
}

export function ownerLabel(action: Pick<Action, 'owner'>): string {
  return action.owner.userName ? `${action.owner.userName} (${action.owner.organisationName})` : action.owner.organisationName;
}

export function DueDate({ action }: { action: Pick<Action, 'dueDate' | 'overdue' | 'daysOverdue'> }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="wr-nowrap">
      {formatCalendarDate(action.dueDate, i18n.language)}
      {action.overdue ? (
        <>
          <br />
          <span className="wr-overdue">{t('meetings:overdueDays', { count: action.daysOverdue })}</span>
        </>
      ) : null}
    </span>
  );
}

/**
 * Owners (and the programme manager) move an action on; only the statuses the server allows this person now
 * are offered (cancelling stays with the programme manager).
 */
function StatusForm({ action, onSaved }: { action: Action; onSaved: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateAction();
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [note, setNote] = useState(action.statusNote);
  // One status form per row: ids carry the action's id so the summary's links land on this row's fields.
  const statusId = `action-status-${action.id}`;
  const noteId = `action-note-${action.id}`;
  const errors = fieldMessages(update.error, t, i18n.language);
  const links = serverFieldLinks(update.error, t, i18n.language, {
    status: { id: statusId, label: t('meetings:actions.status') },
    statusNote: { id: noteId, label: t('meetings:actions.note') },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({ id: action.id, changes: { status, statusNote: note.trim() } }, { onSuccess: (saved) => onSaved(t('meetings:actions.saved', { title: saved.title })) });
  }
  return (
    <form className="wr-status-form" noValidate onSubmit={submit}>
      {update.error ? <ErrorSummary error={update.error} fields={links} /> : null}
      <SelectField
        id={statusId}
        error={errors.status}
        label={<span className="wr-visually-hidden">{t('meetings:actions.statusFor', { title: action.title })}</span>}
        value={status}
        options={action.nextStatuses.map((value) => ({ value, label: t(`meetings:actionStatus.${value}`) }))}
        onChange={(event) => setStatus(event.target.value as ActionStatus)}
      />
      <TextField id={noteId} error={errors.statusNote} label={<span className="wr-visually-hidden">{t('meetings:actions.noteFor', { title: action.title })}</span>} placeholder={t('meetings:actions.note')} value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} />
      <Button type="submit" appearance="secondary" busy={update.isPending}>
        {t('meetings:actions.save')}
      </Button>
    </form>
  );
}

interface ActionsTableProps {
  actions: readonly Action[];
  caption: string;
  captionHidden?: boolean;
  empty: string;
  showMeeting?: boolean;
  onSaved: (message: string) => void;
}

export function ActionsTable({ actions, caption, captionHidden = true, empty, showMeeting = false, onSaved }: ActionsTableProps) {
  const { t } = useTranslation();
  const columns: Column<Action>[] = [
    {
      key: 'title',
      header: t('meetings:actions.action'),
      rowHeader: true,
      render: (row) => (
        <>
          {row.title}
          {row.statusNote ? <span className="wr-table__secondary wr-muted"> — {row.statusNote}</span> : null}
        </>
      ),
    },
    ...(showMeeting
      ? [
          {
            key: 'meeting',
            header: t('meetings:actions.meeting'),
            render: (row: Action) => (
              <Link className="utrecht-link utrecht-link--html-a" to={`/overleggen/${row.meetingId}`}>
                {row.meetingTitle}
              </Link>
            ),
          },
        ]
      : []),
    { key: 'owner', header: t('meetings:actions.owner'), render: ownerLabel },
    { key: 'due', header: t('meetings:actions.due'), render: (row) => <DueDate action={row} /> },
    { key: 'status', header: t('meetings:actions.status'), render: (row) => <ActionStatusBadge action={row} /> },
    {
      key: 'update',
      header: t('meetings:actions.update'),
      render: (row) => (row.canUpdate ? <StatusForm key={`${row.id}-${row.status}`} action={row} onSaved={onSaved} /> : <span className="wr-muted">{t('meetings:actions.readOnly')}</span>),
    },
  ];
  return (
    <Table
      caption={caption}
      captionHidden={captionHidden}
      columns={columns}
      rows={actions}
      rowKey={(row) => row.id}
      rowClassName={(row) => (row.overdue ? 'wr-row--overdue' : row.status === 'done' || row.status === 'cancelled' ? 'wr-row--inactive' : undefined)}
      empty={empty}
    />
  );
}
