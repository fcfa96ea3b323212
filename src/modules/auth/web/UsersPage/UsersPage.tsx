import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { TextField } from '../../../../platform/web/components/FormField';
import { Heading } from '../../../../platform/web/components/Heading';
import { Page } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { StatusBadge } from '../../../../platform/web/components/StatusBadge';
import { Table, type Column } from '../../../../platform/web/components/Table';
import type { User } from '../../contract';
import { useCreateUser, useOrganisations, useUsers } from '../auth-api';
import { parseAreaCodes } from '../user-form-validation';
import { EMPTY_USER_FORM, UserForm } from './UserForm';
import { RoleTags } from './RoleTags';

function matches(user: User, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (!needle) return true;
  return [user.displayName, user.username, user.organisationName, user.email ?? ''].some((value) => value.toLowerCase().includes(needle));
}

function CreateUserPanel({ onCreated, onCancel }: { onCreated: (user: User) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const create = useCreateUser();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="wr-card" aria-labelledby="user-create-heading">
      <Heading level={2} id="user-create-heading" ref={headingRef} tabIndex={-1} className="wr-card__heading">
        {t('auth:users.createHeading')}
      </Heading>
      <QueryState isPending={organisations.isPending} error={organisations.error} />
      {organisations.data ? (
        <UserForm
          mode="create"
          idPrefix="user-new"
          initial={EMPTY_USER_FORM}
          organisations={organisations.data}
          submitLabel={t('auth:users.create')}
          busy={create.isPending}
          error={create.error}
          onCancel={onCancel}
          onSubmit={(values) =>
            create.mutate(
              {
                username: values.username.trim(),
                displayName: values.displayName.trim(),
                ...(values.email.trim() ? { email: values.email.trim() } : {}),
                password: values.password,
                organisationId: values.organisationId,
                roles: values.roles as User['roles'],
                areaScopes: parseAreaCodes(values.areaScopes).codes,
              },
              { onSuccess: (user) => onCreated(user) },
            )
          }
        />
      ) : null}
    </section>
  );
}

export default function UsersPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const visible = useMemo(() => (users.data ?? []).filter((user) => matches(user, search)), [users.data, search]);

  const columns: Column<User>[] = [
    {
      key: 'name',
      header: t('auth:users.name'),
      rowHeader: true,
      render: (user) => (
        <>
          {user.displayName}
          <span className="wr-table__secondary">{user.username}</span>
        </>
      ),
    },
    { key: 'organisation', header: t('auth:users.organisation'), render: (user) => user.organisationName },
    { key: 'roles', header: t('auth:users.roles'), render: (user) => <RoleTags roles={user.roles} pending={user.pendingRoleGrants.map((grant) => grant.role)} /> },
    {
      key: 'areas',
      header: t('auth:users.areaScopes'),
      className: 'wr-nowrap',
      render: (user) => (user.areaScopes.length ? user.areaScopes.join(', ') : <span className="wr-muted">{t('auth:users.noScopes')}</span>),
    },
    {
      key: 'mfa',
      header: t('auth:users.mfa'),
      render: (user) => <StatusBadge status={user.totpEnabled ? 'safe' : 'neutral'}>{user.totpEnabled ? t('auth:users.mfaOn') : t('auth:users.mfaOff')}</StatusBadge>,
    },
    {
      key: 'status',
      header: t('auth:users.status'),
      render: (user) => <StatusBadge status={user.disabled ? 'inactive' : 'active'}>{user.disabled ? t('common:common.disabled') : t('common:common.active')}</StatusBadge>,
    },
    {
      key: 'actions',
      header: t('common:common.actions'),
      render: (user) => (
        <Link to={`/admin/users/${user.id}`} className="utrecht-link utrecht-link--html-a wr-nowrap">
          {t('auth:users.manage')}
          <span className="wr-visually-hidden"> {user.displayName}</span>
        </Link>
      ),
    },
  ];

  return (
    <Page
      title={t('auth:users.title')}
      lead={t('auth:users.lead')}
      actions={
        creating ? null : (
          <Button appearance="primary" onClick={() => setCreating(true)}>
            {t('auth:users.newUser')}
          </Button>
        )
      }
    >
      {message ? (
        <Alert type="ok" live="status">
          {message}
        </Alert>
      ) : null}
      {creating ? (
        <CreateUserPanel
          onCancel={() => setCreating(false)}
          onCreated={(user) => {
            setCreating(false);
            const waiting = user.pendingRoleGrants.map((grant) => t(`common:roles.${grant.role}`)).join(', ');
            setMessage(
              waiting
                ? `${t('auth:users.created', { username: user.username })} ${t('auth:users.createdPending', { roles: waiting })}`
                : t('auth:users.created', { username: user.username }),
            );
          }}
        />
      ) : null}
      <div className="wr-toolbar">
        <TextField
          id="users-search"
          type="search"
          label={t('auth:users.searchLabel')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      <QueryState isPending={users.isPending} error={users.error} onRetry={() => void users.refetch()} />
      {users.data ? (
        <Table
          caption={t('auth:users.tableCaption')}
          captionHidden
          columns={columns}
          rows={visible}
          rowKey={(user) => user.id}
          rowClassName={(user) => (user.disabled ? 'wr-row--inactive' : undefined)}
          empty={t('common:common.empty')}
        />
      ) : null}
    </Page>
  );
}
