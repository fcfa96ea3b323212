import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../platform/web/components/Alert';
import { Button, ButtonGroup } from '../../../platform/web/components/Button';
import { ErrorSummary } from '../../../platform/web/components/ErrorSummary';
import { QueryState } from '../../../platform/web/components/QueryState';
import { StatusBadge } from '../../../platform/web/components/StatusBadge';
import { formatDateTime } from '../../../platform/web/i18n/format';
import type { Notification } from '../contract';
import { useDeleteNotifications, useMarkRead, useNotifications } from './notifications-api';

/** The in-app notifications, newest first; following one marks it read; each can be deleted, or all read ones at once. */
export function NotificationList() {
  const { t, i18n } = useTranslation();
  const list = useNotifications();
  const markRead = useMarkRead();
  const remove = useDeleteNotifications();
  const items = list.data?.items ?? [];
  const anyRead = items.some((n) => n.readAt !== null);
  const title = (n: Notification) => n.title || t(`notifications:kind.${n.kind}`);
  return (
    <>
      <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} />
      <ErrorSummary error={markRead.error ?? remove.error ?? undefined} />
      {remove.isSuccess ? (
        <Alert type="ok">{t('notifications:list.deleted', { count: remove.data.deleted })}</Alert>
      ) : null}
      {list.data ? (
        <>
          {items.length === 0 ? (
            <p className="utrecht-paragraph wr-empty-note">{t('notifications:list.empty')}</p>
          ) : (
            <>
              <ButtonGroup>
                {list.data.unreadCount > 0 ? (
                  <Button appearance="secondary" busy={markRead.isPending} onClick={() => markRead.mutate({ all: true })}>
                    {t('notifications:list.markAll')}
                  </Button>
                ) : null}
                {anyRead ? (
                  <Button appearance="secondary" danger busy={remove.isPending} onClick={() => remove.mutate({ read: true })}>
                    {t('notifications:list.deleteRead')}
                  </Button>
                ) : null}
              </ButtonGroup>
              <ul className="wr-notifications">
                {items.map((n) => (
                  <li key={n.id} className={n.readAt ? 'wr-notifications__row' : 'wr-notifications__row wr-notifications__row--unread'}>
                    <div className="wr-notifications__main">
                      <Link className="utrecht-link utrecht-link--html-a wr-notifications__link" to={n.href} onClick={() => (n.readAt ? undefined : markRead.mutate({ ids: [n.id] }))}>
                        {title(n)}
                      </Link>
                      <span className="wr-notifications__meta">
                        {t(`notifications:kind.${n.kind}`)} · {formatDateTime(n.createdAt, i18n.language)}
                      </span>
                    </div>
                    <div className="wr-notifications__side">
                      {n.readAt ? null : <StatusBadge status="active">{t('notifications:list.unread')}</StatusBadge>}
                      {/* Every row has this button: its name says which one, and starts with the visible word. */}
                      <Button appearance="subtle" busy={remove.isPending} aria-label={t('notifications:list.deleteNamed', { title: title(n) })} onClick={() => remove.mutate({ ids: [n.id] })}>
                        {t('notifications:list.delete')}
                      </Button>
                    </div>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="utrecht-paragraph wr-notifications__kept">{t('notifications:list.kept', { readDays: list.data.kept.readDays, days: list.data.kept.days })}</p>
        </>
      ) : null}
    </>
  );
}
