import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../platform/web/components/Alert';
import { Button } from '../../../platform/web/components/Button';
import { ErrorSummary } from '../../../platform/web/components/ErrorSummary';
import { QueryState } from '../../../platform/web/components/QueryState';
import { DELIVERIES, NOTIFICATION_KINDS, type Delivery, type NotificationSettings } from '../contract';
import { useNotificationSettings, useSaveNotificationSettings } from './notifications-api';

type Choices = NotificationSettings['settings'];
const MAIL: readonly Delivery[] = ['email_now', 'daily_digest'];

/** Per kind of notification: in the app, by e-mail at once, in a daily e-mail, or not at all. */
export function NotificationSettingsForm() {
  const { t } = useTranslation();
  const settings = useNotificationSettings();
  const save = useSaveNotificationSettings();
  const [choices, setChoices] = useState<Choices | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data && choices === null) setChoices(settings.data.settings);
  }, [settings.data, choices]);
  const data = settings.data;
  const mailPossible = Boolean(data?.emailAvailable && data.hasEmailAddress);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!choices) return;
    setSaved(false);
    save.mutate({ settings: choices }, { onSuccess: () => setSaved(true) });
  };

  return (
    <>
      <QueryState isPending={settings.isPending} error={settings.error} onRetry={() => void settings.refetch()} />
      {data && choices ? (
        <form className="utrecht-form wr-notification-settings" onSubmit={onSubmit} aria-labelledby="notification-settings-heading">
          {!data.emailAvailable ? (
            <Alert type="info">{t('notifications:settings.emailOff')}</Alert>
          ) : !data.hasEmailAddress ? (
            <Alert type="info">{t('notifications:settings.noAddress')}</Alert>
          ) : null}
          <ErrorSummary error={save.error ?? undefined} />
          {saved ? (
            <Alert type="ok" live="status">
              {t('notifications:settings.saved')}
            </Alert>
          ) : null}
          {NOTIFICATION_KINDS.map((kind) => (
            <fieldset key={kind} className="utrecht-form-fieldset wr-fieldset" id={`settings-${kind}`}>
              <legend className="utrecht-form-fieldset__legend">{t(`notifications:settings.kind.${kind}`)}</legend>
              {DELIVERIES.map((delivery) => {
                const id = `settings-${kind}-${delivery}`;
                const disabled = MAIL.includes(delivery) && !mailPossible;
                return (
                  <div key={delivery} className="utrecht-form-field utrecht-form-field--radio">
                    <input
                      className="utrecht-radio-button utrecht-radio-button--html-input"
                      type="radio"
                      id={id}
                      name={`settings-${kind}`}
                      value={delivery}
                      checked={choices[kind] === delivery}
                      disabled={disabled}
                      onChange={() => {
                        setSaved(false);
                        setChoices({ ...choices, [kind]: delivery });
                      }}
                    />
                    <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
                      {t(`notifications:settings.delivery.${delivery}`)}
                    </label>
                  </div>
                );
              })}
            </fieldset>
          ))}
          <Button appearance="primary" type="submit" busy={save.isPending}>
            {t('notifications:settings.save')}
          </Button>
        </form>
      ) : null}
    </>
  );
}
