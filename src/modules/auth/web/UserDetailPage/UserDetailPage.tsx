import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { knownFieldProblem, roleGrantProblemKey } from '../auth-problems';
import { TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { StatusBadge } from '../../../../platform/web/components/StatusBadge';
import { fieldMessages } from '../../../../platform/web/i18n/field-error-message';
import { formatDateTime } from '../../../../platform/web/i18n/format';
import { useCurrentUser } from '../../../../platform/web/session';
import type { Organisation, User } from '../../contract';
import { useDecideRoleGrant, useOrganisations, useUpdateUser, useUsers } from '../auth-api';
import { MIN_PASSWORD_LENGTH, parseAreaCodes } from '../user-form-validation';
import { UserForm } from '../UsersPage/UserForm';

function DetailsSection({ user, organisations, onSaved }: { user: User; organisations: readonly Organisation[]; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const own = useCurrentUser().id === user.id;
  // A role waiting for approval stays ticked: saving the form keeps the request (unticking withdraws it).
  const roles = own ? [...user.roles] : [...user.roles, ...user.pendingRoleGrants.map((grant) => grant.role)];
  return (
    <Section title={t('auth:users.detailsHeading')} id="user-details">
      <div className="wr-card">
        <UserForm
          mode="edit"
          idPrefix="user-edit"
          initial={{
            username: user.username,
            displayName: user.displayName,
            email: user.email ?? '',
            password: '',
            organisationId: user.organisationId,
            roles,
            areaScopes: user.areaScopes.join(', '),
          }}
          rolesLocked={own}
          organisations={organisations}
          submitLabel={t('common:common.save')}
          busy={update.isPending}
          error={update.error}
          onSubmit={(values) =>
            // mutateAsync, not mutate's callbacks: the saved roles (or a grant now waiting) remount this form
            // with the fresh user, and the message must still be given.
            void update
              .mutateAsync({
                id: user.id,
                changes: {
                  displayName: values.displayName.trim(),
                  email: values.email.trim() || null,
                  organisationId: values.organisationId,
                  roles: values.roles as User['roles'],
                  areaScopes: parseAreaCodes(values.areaScopes).codes,
                },
              })
              .then((saved) => {
                const waiting = saved.pendingRoleGrants.map((grant) => t(`common:roles.${grant.role}`)).join(', ');
                onSaved(waiting ? `${t('auth:users.saved')} ${t('auth:users.savedPending', { roles: waiting })}` : t('auth:users.saved'));
              })
              .catch(() => undefined) // shown by the form from update.error
          }
        />
      </div>
    </Section>
  );
}

/**
 * Grants of four-eyes roles that wait for a second administrator: the one who asked and the user it is
 * for see that it waits; any other administrator approves or rejects it here.
 */
function PendingGrantsSection({ user, onSaved }: { user: User; onSaved: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const decide = useDecideRoleGrant();
  const grantProblem = roleGrantProblemKey(decide.error);
  if (user.pendingRoleGrants.length === 0) return null;
  return (
    <Section title={t('auth:users.pendingHeading')} id="user-pending-roles">
      <div className="wr-card">
        <p className="utrecht-paragraph">{t('auth:users.pendingHelp')}</p>
        {grantProblem ? (
          <Alert type="error" live="alert">
            {t(`auth:${grantProblem}`)}
          </Alert>
        ) : (
          <ErrorSummary error={decide.error} />
        )}
        <ul className="utrecht-unordered-list">
          {user.pendingRoleGrants.map((grant) => {
            const role = t(`common:roles.${grant.role}`);
            const mine = grant.requestedBy.id === me.id;
            return (
              <li key={grant.id} className="utrecht-unordered-list__item">
                <p className="utrecht-paragraph">
                  {t('auth:users.pendingGrant', { role, name: grant.requestedBy.displayName, date: formatDateTime(grant.requestedAt, i18n.language) })}
                </p>
                {mine || user.id === me.id ? (
                  <p className="utrecht-paragraph wr-muted">{t(mine ? 'auth:users.pendingByYou' : 'auth:users.pendingForYou')}</p>
                ) : (
                  <div className="wr-button-group">
                    <Button
                      appearance="primary"
                      busy={decide.isPending}
                      aria-label={t('auth:users.approveLabel', { role, name: user.displayName })}
                      onClick={() => decide.mutate({ grantId: grant.id, decision: 'approve' }, { onSuccess: () => onSaved(t('auth:users.approvedDone', { role, name: user.displayName })) })}
                    >
                      {t('auth:users.approve')}
                    </Button>
                    <Button
                      appearance="secondary"
                      busy={decide.isPending}
                      aria-label={t('auth:users.rejectLabel', { role, name: user.displayName })}
                      onClick={() => decide.mutate({ grantId: grant.id, decision: 'reject' }, { onSuccess: () => onSaved(t('auth:users.rejectedDone', { role, name: user.displayName })) })}
                    >
                      {t('auth:users.reject')}
                    </Button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </Section>
  );
}

function AccountSection({ user, onSaved }: { user: User; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const [confirming, setConfirming] = useState(false);
  const setDisabled = (disabled: boolean) =>
    update.mutate(
      { id: user.id, changes: { disabled } },
      {
        onSuccess: () => {
          setConfirming(false);
          onSaved(t(disabled ? 'auth:users.disabledDone' : 'auth:users.enabledDone', { username: user.username }));
        },
      },
    );
  return (
    <Section title={t('auth:users.accountHeading')} id="user-account">
      <div className="wr-card">
        <ErrorSummary error={update.error} />
        {user.disabled ? (
          <Button appearance="secondary" busy={update.isPending} onClick={() => setDisabled(false)}>
            {t('auth:users.enable')}
          </Button>
        ) : confirming ? (
          <div className="wr-inline-confirm" role="group" aria-label={t('auth:users.disable')}>
            <p className="utrecht-paragraph" role="status">
              {t('auth:users.confirmDisable', { username: user.username })}
            </p>
            <Button appearance="primary" danger busy={update.isPending} onClick={() => setDisabled(true)}>
              {t('auth:users.confirm')}
            </Button>
            <Button onClick={() => setConfirming(false)}>{t('common:common.cancel')}</Button>
          </div>
        ) : (
          <>
            <p className="utrecht-paragraph">{t('auth:users.disableHelp')}</p>
            <Button appearance="secondary" danger onClick={() => setConfirming(true)}>
              {t('auth:users.disable')}
            </Button>
          </>
        )}
      </div>
    </Section>
  );
}

function PasswordSection({ user, onSaved }: { user: User; onSaved: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateUser();
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrorLink[]>([]);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password.length < MIN_PASSWORD_LENGTH) {
      setFieldErrors([{ fieldId: 'user-new-password', label: t('auth:users.newPassword'), message: t('auth:users.passwordLength') }]);
      return;
    }
    setFieldErrors([]);
    update.mutate(
      { id: user.id, changes: { password } },
      {
        onSuccess: () => {
          setPassword('');
          onSaved(t('auth:users.passwordReset', { username: user.username }));
        },
      },
    );
  }
  // A password the server refuses as too easy to guess is explained at the field, in the page's language.
  // Any other field error of the server (a password too long) at the field too, in the words of the mapping.
  const weak = knownFieldProblem(update.error)?.field === 'password';
  const serverMessage = weak ? t('auth:users.passwordWeak') : fieldMessages(update.error, t, i18n.language).password;
  const shownErrors: FieldErrorLink[] = serverMessage && fieldErrors.length === 0 ? [{ fieldId: 'user-new-password', label: t('auth:users.newPassword'), message: serverMessage }] : fieldErrors;
  return (
    <Section title={t('auth:users.resetPasswordHeading')} id="user-password">
      <div className="wr-card">
        <form className="utrecht-form" noValidate onSubmit={submit}>
          <ErrorSummary error={weak ? undefined : update.error} fields={shownErrors} />
          <TextField
            id="user-new-password"
            type="password"
            label={t('auth:users.newPassword')}
            description={t('auth:users.passwordDescription')}
            autoComplete="new-password"
            value={password}
            error={shownErrors[0]?.message}
            onChange={(event) => setPassword(event.target.value)}
          />
          <div className="wr-form-actions">
            <Button type="submit" appearance="secondary" busy={update.isPending}>
              {t('auth:users.resetPassword')}
            </Button>
          </div>
        </form>
      </div>
    </Section>
  );
}

function TotpSection({ user, onSaved }: { user: User; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  return (
    <Section title={t('auth:users.resetTotpHeading')} id="user-totp">
      <div className="wr-card">
        <ErrorSummary error={update.error} />
        {user.totpEnabled ? (
          <>
            <p className="utrecht-paragraph">{t('auth:users.resetTotpHelp')}</p>
            <Button
              appearance="secondary"
              busy={update.isPending}
              onClick={() => update.mutate({ id: user.id, changes: { resetTotp: true } }, { onSuccess: () => onSaved(t('auth:users.totpReset', { username: user.username })) })}
            >
              {t('auth:users.resetTotp')}
            </Button>
          </>
        ) : (
          <p className="utrecht-paragraph">{t('auth:users.totpNotEnabled')}</p>
        )}
      </div>
    </Section>
  );
}

/** One user: edit details, roles, areas and organisation; disable or enable; reset password or TOTP. */
export default function UserDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const users = useUsers();
  const organisations = useOrganisations();
  const [message, setMessage] = useState<string | null>(null);
  const user = users.data?.find((candidate) => candidate.id === id);

  const backLink = (
    <p className="utrecht-paragraph wr-back-link">
      <Link to="/admin/users" className="utrecht-link utrecht-link--html-a">
        ← {t('auth:users.back')}
      </Link>
    </p>
  );

  if (!user) {
    return (
      <Page title={users.isPending ? t('auth:users.title') : t('auth:users.notFound')}>
        <QueryState isPending={users.isPending} error={users.error} onRetry={() => void users.refetch()} />
        {backLink}
      </Page>
    );
  }

  return (
    <Page
      title={user.displayName}
      lead={
        <>
          <span>{user.username}</span> · <span>{user.organisationName}</span>{' '}
          <StatusBadge status={user.disabled ? 'inactive' : 'active'}>{user.disabled ? t('common:common.disabled') : t('common:common.active')}</StatusBadge>
        </>
      }
    >
      {backLink}
      {message ? (
        <Alert type="ok" live="status">
          {message}
        </Alert>
      ) : null}
      <QueryState isPending={organisations.isPending} error={organisations.error} />
      <PendingGrantsSection user={user} onSaved={setMessage} />
      {organisations.data ? <DetailsSection key={`${user.id}-${user.pendingRoleGrants.length}-${user.roles.join()}`} user={user} organisations={organisations.data} onSaved={setMessage} /> : null}
      <div className="wr-detail-grid">
        <AccountSection user={user} onSaved={setMessage} />
        <PasswordSection user={user} onSaved={setMessage} />
        <TotpSection user={user} onSaved={setMessage} />
      </div>
    </Page>
  );
}
