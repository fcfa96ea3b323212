import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNotifications } from './notifications-api';

/** "Meldingen" in the header's user block, with how many are unread (read out as "Meldingen, 2 ongelezen"). */
export function NotificationsLink() {
  const { t } = useTranslation();
  const { data } = useNotifications();
  const unread = data?.unreadCount ?? 0;
  return (
    <Link to="/meldingen" className="utrecht-link utrecht-link--html-a wr-notifications-link">
      {t('notifications:link.text')}
      {unread > 0 ? (
        <>
          <span className="wr-notifications-link__count" aria-hidden="true">
            {unread}
          </span>
          <span className="wr-visually-hidden">{t('notifications:link.unread', { count: unread })}</span>
        </>
      ) : null}
    </Link>
  );
}
