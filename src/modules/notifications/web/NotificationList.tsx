import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../platform/web/components/Button';
import { ErrorSummary } from '../../../platform/web/components/ErrorSummary';
import { QueryState } from '../../../platform/web/components/QueryState';
import { StatusBadge } from '../../../platform/web/components/StatusBadge';
import { formatDateTime } from '../../../platform/web/i18n/format';
import type { Notification } from '../contract';
import { useMarkRead, useNotifications } from './notifications-api';

/** The in-app notifications, newest first; following one marks it read. */
export function NotificationList() {
  const { t, i18n } = useTranslation();
  const list = useNotifications();
  const markRead = useMarkRead();
  const items = list.data?.items ?? [];
  const title = (n: Notification) => n.title || t(`notifications:kind.${n.kind}`);
  return (
    <>
      <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} />
      <ErrorSummary error={markRead.error ?? undefined} />
      {list.data ? (
        items.length === 0 ? (
          <p className="utrecht-paragraph wr-empty-note">{t('notifications:list.empty')}</p>
        ) : (
          <>
            {list.data.unreadCount > 0 ? (
              <Button appearance="secondary" busy={markRead.isPending} onClick={() => markRead.mutate({ all: true })}>
                {t('notifications:list.markAll')}
              </Button>
            ) : null}
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
                  {n.readAt ? null : <StatusBadge status="active">{t('notifications:list.unread')}</StatusBadge>}
                </li>
              ))}
            </ul>
          </>
        )
      ) : null}
    </>
  );
}
