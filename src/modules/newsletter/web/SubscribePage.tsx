import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../platform/web/components/Alert';
import { Button } from '../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../platform/web/components/ErrorSummary';
import { CheckboxGroup, TextField } from '../../../platform/web/components/FormField';
import { Page, Section } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { CONFIRM_HOURS, NEWSLETTER_PATHS } from '../contract';
import { newsletterProblem } from './newsletter-problem';
import { useNewsletterAreas, useSubscribe } from './newsletter-api';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A resident subscribes with an e-mail address and one or more areas; no account. */
export default function SubscribePage() {
  const { t, i18n } = useTranslation();
  const areas = useNewsletterAreas();
  const subscribe = useSubscribe();
  const [email, setEmail] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrorLink[]>([]);
  const [done, setDone] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrorLink[] = [];
    if (!EMAIL.test(email.trim())) found.push({ fieldId: 'newsletter-email', label: t('newsletter:subscribe.email'), message: t('newsletter:subscribe.emailInvalid') });
    if (chosen.length === 0) found.push({ fieldId: 'newsletter-areas', label: t('newsletter:subscribe.areas'), message: t('newsletter:subscribe.areasRequired') });
    setErrors(found);
    if (found.length) return;
    subscribe.mutate({ email: email.trim(), areas: chosen, locale: i18n.language.startsWith('en') ? 'en' : 'nl' }, { onSuccess: () => setDone(true) });
  }

  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <Page title={t('newsletter:subscribe.title')} lead={t('newsletter:subscribe.lead')}>
      <QueryState isPending={areas.isPending} error={areas.error} onRetry={() => void areas.refetch()} />
      {done ? (
        <Alert type="ok" live="status" heading={t('newsletter:subscribe.doneHeading')}>
          <p className="utrecht-paragraph">{t('newsletter:subscribe.doneText', { hours: CONFIRM_HOURS })}</p>
        </Alert>
      ) : areas.data ? (
        <form className="wr-form" onSubmit={submit} noValidate>
          {subscribe.error ? (
            <Alert type="error" live="alert">
              <p className="utrecht-paragraph">{newsletterProblem(subscribe.error, t)}</p>
            </Alert>
          ) : (
            <ErrorSummary fields={errors} />
          )}
          <TextField id="newsletter-email" type="email" autoComplete="email" label={t('newsletter:subscribe.email')} value={email} onChange={(e) => setEmail(e.target.value)} error={errorFor('newsletter-email')} />
          <CheckboxGroup
            id="newsletter-areas"
            name="areas"
            legend={t('newsletter:subscribe.areas')}
            description={t('newsletter:subscribe.areasHint')}
            options={areas.data.items.map((a) => ({ value: a.code, label: a.name }))}
            value={chosen}
            onChange={setChosen}
            error={errorFor('newsletter-areas')}
          />
          <div className="wr-form-actions">
            <Button type="submit" appearance="primary" busy={subscribe.isPending}>
              {t('newsletter:subscribe.submit')}
            </Button>
          </div>
        </form>
      ) : null}
      <Section title={t('newsletter:subscribe.privacyHeading')}>
        <p className="utrecht-paragraph">{t('newsletter:subscribe.privacyText', { hours: CONFIRM_HOURS })}</p>
      </Section>
      {areas.data && areas.data.items.length > 0 ? (
        <Section title={t('newsletter:subscribe.archiveHeading')}>
          <ul className="utrecht-unordered-list">
            {areas.data.items.map((area) => (
              <li key={area.code} className="utrecht-unordered-list__item">
                <Link className="utrecht-link utrecht-link--html-a" to={NEWSLETTER_PATHS.archive(area.code)}>
                  {t('newsletter:subscribe.archiveLink', { area: area.name })}
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </Page>
  );
}
