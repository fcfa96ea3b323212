import { useTranslation } from 'react-i18next';
import { Page, Section } from '../../../platform/web/components/Page';
import { NotificationList } from './NotificationList';
import { NotificationSettingsForm } from './NotificationSettingsForm';
import './notifications.css';

/** "Meldingen": what is new on the person's worklist, and how they want to be told. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notifications:page.title')} lead={t('notifications:page.lead')}>
      <Section title={t('notifications:list.heading')} id="notifications-list">
        <NotificationList />
      </Section>
      <Section title={t('notifications:settings.heading')} id="notification-settings">
        <p className="utrecht-paragraph">{t('notifications:settings.lead')}</p>
        <NotificationSettingsForm />
      </Section>
    </Page>
  );
}
