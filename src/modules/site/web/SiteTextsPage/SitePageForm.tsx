import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { TextAreaField, TextField } from '../../../../platform/web/components/FormField';
import { serverFieldLinksWith } from '../../../../platform/web/i18n/field-error-message';
import { formatDateTime, formatNumber } from '../../../../platform/web/i18n/format';
import { BODY_MAX, TITLE_MAX, type SitePage } from '../../contract';
import { useSaveSitePage } from '../site-api';
import { SITE_PAGE_PATHS } from '../site-paths';

type Field = 'title' | 'body';

/** What is wrong with a field, in words for the administrator; the same check the server makes. */
function fieldProblem(field: Field, value: string, t: TFunction, locale: string): string | null {
  const max = field === 'title' ? TITLE_MAX : BODY_MAX;
  if (!value.trim()) return t(`site:admin.${field}Required`);
  if (value.length > max) return t(`site:admin.${field}TooLong`, { max: formatNumber(max, locale), count: formatNumber(value.length, locale) });
  return null;
}

/** One footer page: its title and text, saved on their own with a confirmation. */
export function SitePageForm({ page }: { page: SitePage }) {
  const { t, i18n } = useTranslation();
  const save = useSaveSitePage(page.slug);
  const pageName = t(`site:page.defaultTitle.${page.slug}`);
  const [title, setTitle] = useState(page.title ?? pageName);
  const [body, setBody] = useState(page.body ?? '');
  const [errors, setErrors] = useState<FieldErrorLink[]>([]);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const ids: Record<Field, string> = { title: `site-${page.slug}-title`, body: `site-${page.slug}-body` };
  const labels: Record<Field, string> = { title: t('site:admin.titleLabel'), body: t('site:admin.bodyLabel') };

  /** The server's field errors in our own words, through the one mapping of field error codes. */
  function serverFieldErrors(error: unknown): FieldErrorLink[] {
    return serverFieldLinksWith(error, t, i18n.language, (field) => (field === 'title' || field === 'body' ? { id: ids[field], label: labels[field] } : null));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setSavedAt(null);
    const found: FieldErrorLink[] = [];
    for (const field of ['title', 'body'] as const) {
      const problem = fieldProblem(field, field === 'title' ? title : body, t, i18n.language);
      if (problem) found.push({ fieldId: ids[field], label: labels[field], message: problem });
    }
    setErrors(found);
    if (found.length) return;
    save.mutate({ title, body }, { onSuccess: (saved) => setSavedAt(saved.updatedAt) });
  }

  const shown = errors.length ? errors : serverFieldErrors(save.error);
  const errorFor = (field: Field) => shown.find((error) => error.fieldId === ids[field])?.message;
  // A failure that is not about a field (no right, lost connection) heads the summary.
  const requestError = save.error && !shown.length ? save.error : undefined;

  return (
    <form className="wr-form wr-site-form" onSubmit={submit} noValidate aria-labelledby={`site-${page.slug}-heading`}>
      <ErrorSummary error={requestError} fields={shown} />
      {savedAt ? (
        <Alert type="ok" live="status">
          <p className="utrecht-paragraph">{t('site:admin.saved', { page: pageName })}</p>
        </Alert>
      ) : null}
      <p className="utrecht-paragraph wr-muted">
        {page.written && page.updatedAt
          ? t(page.isDemo ? 'site:admin.demoText' : 'site:admin.lastSaved', { date: formatDateTime(page.updatedAt, i18n.language) })
          : t('site:admin.notWrittenYet')}
      </p>
      <TextField id={ids.title} label={labels.title} value={title} onChange={(e) => setTitle(e.target.value)} error={errorFor('title')} />
      <TextAreaField id={ids.body} label={labels.body} description={t('site:admin.bodyHint', { max: formatNumber(BODY_MAX, i18n.language) })} value={body} rows={12} onChange={(e) => setBody(e.target.value)} error={errorFor('body')} />
      <div className="wr-site-form__actions">
        <Button type="submit" appearance="primary" busy={save.isPending}>
          {t('site:admin.save', { page: pageName })}
        </Button>
        <Link className="utrecht-link utrecht-link--html-a" to={SITE_PAGE_PATHS[page.slug]}>
          {t('site:admin.view', { page: pageName })}
        </Link>
      </div>
    </form>
  );
}
