import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { StatusBadge, type BadgeStatus } from '../../../../platform/web/components/StatusBadge';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { formatDate, formatDateTime } from '../../../../platform/web/i18n/format';
import { calendarDayOf, endOfDay } from '../../../../platform/shared/time';
import type { ApiToken } from '../../contract';
import { useApiTokens, useCreateApiToken, useRevokeApiToken, type CreatedApiToken } from '../auth-api';

type TokenState = 'active' | 'revoked' | 'expired';

export function tokenState(token: Pick<ApiToken, 'revokedAt' | 'expiresAt'>, now: Date = new Date()): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'active';
}

const STATE_BADGE: Record<TokenState, BadgeStatus> = { active: 'active', revoked: 'inactive', expired: 'warning' };

/**
 * A date picked in the form means "valid through that day": the token expires at its last second in the
 * Netherlands (23:59:59 Amsterdam time), so the list shows the same date back.
 */
export function endOfDayInNetherlands(date: string): string {
  return new Date(Date.parse(endOfDay(date)) - 1000).toISOString();
}

function todayIso(): string {
  return calendarDayOf(new Date());
}

/** The token value, shown once, with a copy button; focus lands here so nobody misses it. */
function NewTokenNotice({ token, onClose }: { token: CreatedApiToken; onClose: () => void }) {
  const { t } = useTranslation();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => noticeRef.current?.focus(), []);
  async function copy() {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  }
  return (
    <div ref={noticeRef} tabIndex={-1} className="wr-new-token">
      <Alert type="ok" live="status" heading={t('auth:apiTokens.createdHeading', { name: token.name })}>
        <p className="utrecht-paragraph">
          <strong>{t('auth:apiTokens.copyHint')}</strong>
        </p>
        <p className="wr-token-value">
          <span className="wr-visually-hidden">{t('auth:apiTokens.tokenLabel')}: </span>
          <code className="utrecht-code" data-testid="api-token-value">
            {token.token}
          </code>
        </p>
        <div className="wr-button-group">
          <Button appearance="primary" onClick={() => void copy()}>
            {t('common:common.copy')}
          </Button>
          <Button appearance="secondary" onClick={onClose}>
            {t('common:common.close')}
          </Button>
          <span role="status" className="wr-muted">
            {copyState === 'copied' ? t('common:common.copied') : copyState === 'failed' ? t('common:common.copyFailed') : ''}
          </span>
        </div>
      </Alert>
    </div>
  );
}

/** A token is always for the person making it: there is no choice of user (docs/adr/0007). */
function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const { t } = useTranslation();
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrorLink[]>([]);
  const errorFor = (fieldId: string) => fieldErrors.find((error) => error.fieldId === fieldId)?.message;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: FieldErrorLink[] = [];
    if (!name.trim()) errors.push({ fieldId: 'token-name', label: t('auth:apiTokens.name'), message: t('auth:apiTokens.required') });
    if (expires && expires < todayIso()) errors.push({ fieldId: 'token-expires', label: t('auth:apiTokens.expiresAt'), message: t('auth:apiTokens.expiresInPast') });
    setFieldErrors(errors);
    if (errors.length > 0) return;
    create.mutate(
      { name: name.trim(), ...(expires ? { expiresAt: endOfDayInNetherlands(expires) } : {}) },
      {
        onSuccess: (token) => {
          setName('');
          setExpires('');
          onCreated(token);
        },
      },
    );
  }

  return (
    <form className="utrecht-form" noValidate onSubmit={submit}>
      <p className="utrecht-paragraph">{t('auth:apiTokens.forYou')}</p>
      <ErrorSummary error={create.error} fields={fieldErrors} />
      <div className="wr-form-grid">
        <TextField
          id="token-name"
          label={t('auth:apiTokens.name')}
          description={t('auth:apiTokens.nameDescription')}
          maxLength={100}
          autoComplete="off"
          value={name}
          error={errorFor('token-name')}
          onChange={(event) => setName(event.target.value)}
        />
        <TextField
          id="token-expires"
          type="date"
          label={t('auth:apiTokens.expiresAt')}
          description={t('auth:apiTokens.expiresDescription')}
          optionalText={t('common:common.optional')}
          min={todayIso()}
          value={expires}
          error={errorFor('token-expires')}
          onChange={(event) => setExpires(event.target.value)}
        />
      </div>
      <div className="wr-form-actions">
        <Button type="submit" appearance="primary" busy={create.isPending}>
          {t('auth:apiTokens.create')}
        </Button>
      </div>
    </form>
  );
}

function RevokeButton({ token, onRevoked }: { token: ApiToken; onRevoked: (name: string) => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeApiToken();
  const [confirming, setConfirming] = useState(false);
  if (tokenState(token) !== 'active') return null;
  if (!confirming) {
    return (
      <Button appearance="subtle" danger aria-label={t('auth:apiTokens.revokeLabel', { name: token.name })} onClick={() => setConfirming(true)}>
        {t('auth:apiTokens.revoke')}
      </Button>
    );
  }
  return (
    <span className="wr-inline-confirm">
      <span>{t('auth:apiTokens.confirmRevoke')}</span>
      <Button
        appearance="primary"
        danger
        busy={revoke.isPending}
        // The visible text plus which token, so the name still contains what is on screen (WCAG 2.5.3).
        aria-label={`${t('auth:apiTokens.confirm')}: ${token.name}`}
        onClick={() => revoke.mutate(token.id, { onSuccess: () => onRevoked(token.name) })}
      >
        {t('auth:apiTokens.confirm')}
      </Button>
      <Button appearance="subtle" onClick={() => setConfirming(false)}>
        {t('common:common.cancel')}
      </Button>
    </span>
  );
}

export default function ApiTokensPage() {
  const { t, i18n } = useTranslation();
  const tokens = useApiTokens();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const columns: Column<ApiToken>[] = [
    { key: 'name', header: t('auth:apiTokens.name'), rowHeader: true, render: (token) => token.name },
    { key: 'user', header: t('auth:apiTokens.user'), render: (token) => token.username },
    { key: 'prefix', header: t('auth:apiTokens.prefix'), className: 'wr-nowrap', render: (token) => <code className="utrecht-code">{token.prefix}…</code> },
    { key: 'created', header: t('auth:apiTokens.createdAt'), render: (token) => <span className="wr-nowrap">{formatDate(token.createdAt, i18n.language)}</span> },
    {
      key: 'expires',
      header: t('auth:apiTokens.expiresAt'),
      className: 'wr-nowrap',
      render: (token) => (token.expiresAt ? <span className="wr-nowrap">{formatDate(token.expiresAt, i18n.language)}</span> : <span className="wr-muted">{t('auth:apiTokens.noExpiry')}</span>),
    },
    {
      key: 'lastUsed',
      header: t('auth:apiTokens.lastUsedAt'),
      render: (token) => (token.lastUsedAt ? <span className="wr-nowrap">{formatDateTime(token.lastUsedAt, i18n.language)}</span> : <span className="wr-muted">{t('auth:apiTokens.never')}</span>),
    },
    {
      key: 'status',
      header: t('auth:apiTokens.status'),
      render: (token) => {
        const state = tokenState(token);
        return <StatusBadge status={STATE_BADGE[state]}>{t(`auth:apiTokens.${state}`)}</StatusBadge>;
      },
    },
    {
      key: 'actions',
      header: t('common:common.actions'),
      render: (token) => <RevokeButton token={token} onRevoked={(name) => setMessage(t('auth:apiTokens.revokedDone', { name }))} />,
    },
  ];

  return (
    <Page title={t('auth:apiTokens.title')} lead={t('auth:apiTokens.lead')}>
      {created ? <NewTokenNotice key={created.id} token={created} onClose={() => setCreated(null)} /> : null}
      {message ? (
        <Alert type="ok" live="status">
          {message}
        </Alert>
      ) : null}
      <QueryState isPending={tokens.isPending} error={tokens.error} onRetry={() => void tokens.refetch()} />
      {tokens.data ? (
        <Table
          caption={t('auth:apiTokens.tableCaption')}
          captionHidden
          columns={columns}
          rows={tokens.data}
          rowKey={(token) => token.id}
          rowClassName={(token) => (tokenState(token) === 'active' ? undefined : 'wr-row--inactive')}
          empty={t('common:common.empty')}
        />
      ) : null}
      <Section title={t('auth:apiTokens.createHeading')} id="token-create">
        <div className="wr-card">
          <CreateTokenForm
            onCreated={(token) => {
              setMessage(null);
              setCreated(token);
            }}
          />
        </div>
      </Section>
    </Page>
  );
}
