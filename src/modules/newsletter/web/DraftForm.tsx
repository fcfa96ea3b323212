import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../platform/web/components/Alert';
import { Button } from '../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../platform/web/components/ErrorSummary';
import { TextAreaField, TextField } from '../../../platform/web/components/FormField';
import { formatDate, formatNumber } from '../../../platform/web/i18n/format';
import { BODY_MAX, NEWSLETTER_PATHS, TITLE_MAX, type NewsletterDraft, type SendResult } from '../contract';
import { newsletterProblem } from './newsletter-problem';
import { useSendNewsletter } from './newsletter-api';

/**
 * The draft as plain text the manager edits, then sends. The id is chosen once per draft: pressing send again
 * after a failure resumes the same newsletter and nobody gets it twice.
 */
export function DraftForm({ draft }: { draft: NewsletterDraft }) {
  const { t, i18n } = useTranslation();
  const send = useSendNewsletter();
  const queryClient = useQueryClient();
  const [id] = useState(() => crypto.randomUUID());
  const [title, setTitle] = useState(draft.title);
  const [body, setBody] = useState(draft.body);
  const [errors, setErrors] = useState<FieldErrorLink[]>([]);
  const [sent, setSent] = useState<SendResult | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrorLink[] = [];
    if (!title.trim()) found.push({ fieldId: 'newsletter-title', label: t('newsletter:manage.titleLabel'), message: t('newsletter:manage.titleRequired') });
    if (title.length > TITLE_MAX) found.push({ fieldId: 'newsletter-title', label: t('newsletter:manage.titleLabel'), message: t('newsletter:manage.tooLong', { max: formatNumber(TITLE_MAX, i18n.language) }) });
    if (!body.trim()) found.push({ fieldId: 'newsletter-body', label: t('newsletter:manage.bodyLabel'), message: t('newsletter:manage.bodyRequired') });
    if (body.length > BODY_MAX) found.push({ fieldId: 'newsletter-body', label: t('newsletter:manage.bodyLabel'), message: t('newsletter:manage.tooLong', { max: formatNumber(BODY_MAX, i18n.language) }) });
    setErrors(found);
    if (found.length) return;
    send.mutate({ id, areaCode: draft.areaCode, title, body }, { onSuccess: setSent });
  }

  if (sent) {
    return (
      <Alert type="ok" live="status" heading={t('newsletter:manage.sentHeading')}>
        <p className="utrecht-paragraph">{t('newsletter:manage.sentText', { count: sent.recipientCount })}</p>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link utrecht-link--html-a" to={NEWSLETTER_PATHS.newsletter(draft.areaCode, sent.id)}>
            {t('newsletter:manage.viewSent')}
          </Link>
        </p>
        {/* A fresh draft (it now counts from this newsletter), in a fresh form with a new id. */}
        <Button onClick={() => void queryClient.resetQueries({ queryKey: ['newsletter', 'draft', draft.areaCode] })}>
          {t('newsletter:manage.another')}
        </Button>
      </Alert>
    );
  }
  const errorFor = (fieldId: string) => errors.find((e) => e.fieldId === fieldId)?.message;
  return (
    <form className="wr-form" onSubmit={submit} noValidate>
      {send.error ? (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{newsletterProblem(send.error, t)}</p>
        </Alert>
      ) : (
        <ErrorSummary fields={errors} />
      )}
      <p className="utrecht-paragraph wr-muted">
        {draft.since ? t('newsletter:manage.since', { date: formatDate(draft.since, i18n.language) }) : t('newsletter:manage.first')}{' '}
        {t('newsletter:manage.subscribers', { count: draft.subscriberCount })}
      </p>
      <TextField id="newsletter-title" label={t('newsletter:manage.titleLabel')} value={title} onChange={(e) => setTitle(e.target.value)} error={errorFor('newsletter-title')} />
      <TextAreaField id="newsletter-body" label={t('newsletter:manage.bodyLabel')} description={t('newsletter:manage.bodyHint')} rows={20} value={body} onChange={(e) => setBody(e.target.value)} error={errorFor('newsletter-body')} />
      <div className="wr-form-actions">
        <Button type="submit" appearance="primary" busy={send.isPending}>
          {send.error ? t('newsletter:manage.sendAgain') : t('newsletter:manage.send', { count: draft.subscriberCount })}
        </Button>
      </div>
    </form>
  );
}
