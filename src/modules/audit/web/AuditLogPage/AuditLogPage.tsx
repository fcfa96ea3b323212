import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toQueryString } from '../../../../platform/web/api-client';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { formatDateTime } from '../../../../platform/web/i18n/format';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import type { AuditEntry, AuditList, AuditVerifyResponse } from '../../contract';
import { AUDIT_ACTIONS, auditActionLabel } from '../audit-actions';
import { AUDIT_SUBJECT_TYPES, auditSubjectLabel } from '../audit-subjects';
import { datesOutOfOrder, EMPTY_AUDIT_FILTERS, toAuditQuery, type AuditFilters } from '../audit-filters';

const PAGE_SIZE = 50;

function fetchAuditPage(filters: AuditFilters, before: string | undefined): Promise<AuditList> {
  const query = toAuditQuery(filters, before, PAGE_SIZE);
  return api.get<AuditList>(`/api/v1/audit${toQueryString(query as Record<string, string | number | undefined>)}`);
}

function VerifyChain() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: () => api.post<AuditVerifyResponse>('/api/v1/audit/verify') });
  const result = verify.data;
  return (
    <div className="wr-verify">
      <Button appearance="secondary" busy={verify.isPending} onClick={() => verify.mutate()}>
        {verify.isPending ? t('audit:auditLog.verifying') : t('audit:auditLog.verify')}
      </Button>
      <div className="wr-verify__result">
        {verify.error ? <ErrorSummary error={verify.error} /> : null}
        {result?.valid ? (
          <Alert type="ok" live="status">
            <span data-testid="audit-verify-result">{t('audit:auditLog.valid', { rows: result.rows })}</span>
          </Alert>
        ) : null}
        {result && !result.valid ? (
          <Alert type="error" heading={t('audit:auditLog.invalidHeading')}>
            <p className="utrecht-paragraph" data-testid="audit-verify-result">
              {result.firstInvalidId
                ? t('audit:auditLog.invalid', { id: result.firstInvalidId, reason: result.reason ?? '' })
                : t('audit:auditLog.invalidNoId', { reason: result.reason ?? '' })}
            </p>
          </Alert>
        ) : null}
      </div>
    </div>
  );
}

interface FilterFormProps {
  initial: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

function FilterForm({ initial, onApply }: FilterFormProps) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<AuditFilters>(initial);
  const subjectOptions = AUDIT_SUBJECT_TYPES.map((type) => ({ value: type, label: auditSubjectLabel(i18n, type) })).sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  const actionOptions = AUDIT_ACTIONS.map((code) => ({ value: code, label: auditActionLabel(i18n, code) })).sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  const [fieldErrors, setFieldErrors] = useState<FieldErrorLink[]>([]);
  const set = (field: keyof AuditFilters, value: string) => setDraft((current) => ({ ...current, [field]: value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (datesOutOfOrder(draft)) {
      setFieldErrors([{ fieldId: 'audit-to', label: t('audit:auditLog.to'), message: t('audit:auditLog.dateOrder') }]);
      return;
    }
    setFieldErrors([]);
    onApply(draft);
  }

  return (
    <form className="utrecht-form" noValidate onSubmit={submit} role="search" aria-label={t('audit:auditLog.filtersHeading')}>
      <ErrorSummary fields={fieldErrors} />
      <div className="wr-filters">
        <TextField id="audit-actor" label={t('audit:auditLog.actor')} description={t('audit:auditLog.actorDescription')} autoComplete="off" value={draft.actor} onChange={(event) => set('actor', event.target.value)} />
        <SelectField id="audit-action" label={t('audit:auditLog.action')} description={t('audit:auditLog.actionDescription')} placeholder={t('audit:auditLog.allActions')} options={actionOptions} value={draft.action} onChange={(event) => set('action', event.target.value)} />
        <SelectField id="audit-subject-type" label={t('audit:auditLog.subjectType')} description={t('audit:auditLog.subjectTypeDescription')} placeholder={t('audit:auditLog.allSubjectTypes')} options={subjectOptions} value={draft.subjectType} onChange={(event) => set('subjectType', event.target.value)} />
        <TextField id="audit-subject" label={t('audit:auditLog.subject')} description={t('audit:auditLog.subjectDescription')} autoComplete="off" value={draft.subject} onChange={(event) => set('subject', event.target.value)} />
        <TextField id="audit-from" type="date" label={t('audit:auditLog.from')} value={draft.from} onChange={(event) => set('from', event.target.value)} />
        <TextField id="audit-to" type="date" label={t('audit:auditLog.to')} value={draft.to} error={fieldErrors[0]?.message} onChange={(event) => set('to', event.target.value)} />
      </div>
      <div className="wr-form-actions">
        <Button type="submit" appearance="primary">
          {t('audit:auditLog.apply')}
        </Button>
        <Button
          appearance="subtle"
          onClick={() => {
            setDraft(EMPTY_AUDIT_FILTERS);
            setFieldErrors([]);
            onApply(EMPTY_AUDIT_FILTERS);
          }}
        >
          {t('audit:auditLog.clear')}
        </Button>
      </div>
    </form>
  );
}

/** A compact, readable rendering of an entry's detail object. */
function DetailCell({ detail }: { detail: Record<string, unknown> }) {
  const entries = Object.entries(detail);
  if (entries.length === 0) return null;
  return <pre className="wr-detail-json">{entries.map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`).join('\n')}</pre>;
}

export default function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const entries = useInfiniteQuery({
    queryKey: ['audit', 'entries', filters],
    queryFn: ({ pageParam }) => fetchAuditPage(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const rows = entries.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: Column<AuditEntry>[] = [
    { key: 'id', header: t('audit:auditLog.id'), numeric: true, render: (entry) => entry.id },
    { key: 'at', header: t('audit:auditLog.at'), render: (entry) => <span className="wr-nowrap">{formatDateTime(entry.at, i18n.language)}</span> },
    { key: 'actor', header: t('audit:auditLog.actor'), render: (entry) => entry.actorUsername ?? <span className="wr-muted">{t('audit:auditLog.system')}</span> },
    { key: 'action', header: t('audit:auditLog.action'), render: (entry) => auditActionLabel(i18n, entry.action) },
    {
      key: 'subject',
      header: t('audit:auditLog.subjectColumn'),
      render: (entry) => (
        <>
          {auditSubjectLabel(i18n, entry.subjectType)}
          {entry.subjectId ? <span className="wr-table__secondary wr-hash">{entry.subjectId}</span> : null}
        </>
      ),
    },
    { key: 'detail', header: t('audit:auditLog.detail'), render: (entry) => <DetailCell detail={entry.detail} /> },
    {
      key: 'hash',
      header: t('audit:auditLog.hash'),
      className: 'wr-audit-hash',
      render: (entry) => (
        <span className="wr-hash" title={entry.hash}>
          {entry.hash.slice(0, 8)}…
        </span>
      ),
    },
  ];

  return (
    <Page title={t('audit:auditLog.title')} lead={t('audit:auditLog.lead')}>
      {hasPermission(user, 'audit.verify') ? <VerifyChain /> : null}
      <Section title={t('audit:auditLog.filtersHeading')} id="audit-filters">
        <div className="wr-card">
          <FilterForm initial={filters} onApply={setFilters} />
        </div>
      </Section>
      <QueryState isPending={entries.isPending} error={entries.error} onRetry={() => void entries.refetch()} />
      {entries.data ? (
        <>
          <p className="utrecht-paragraph wr-muted" role="status">
            {t('audit:auditLog.count', { count: rows.length })}
          </p>
          <Table caption={t('audit:auditLog.tableCaption')} captionHidden compact columns={columns} rows={rows} rowKey={(entry) => entry.id} empty={t('common:common.empty')} />
          <div className="wr-load-more">
            {entries.hasNextPage ? (
              <Button appearance="secondary" busy={entries.isFetchingNextPage} onClick={() => void entries.fetchNextPage()}>
                {entries.isFetchingNextPage ? t('audit:auditLog.loadingMore') : t('audit:auditLog.loadMore')}
              </Button>
            ) : rows.length > 0 ? (
              <p className="utrecht-paragraph wr-muted">{t('audit:auditLog.end')}</p>
            ) : null}
          </div>
        </>
      ) : null}
    </Page>
  );
}
