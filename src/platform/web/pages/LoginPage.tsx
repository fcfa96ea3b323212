import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { OIDC_FAILURE_REASONS, type SessionResponse } from '../../../modules/auth/contract';
import { api, ApiProblem } from '../api-client';
import { Alert } from '../components/Alert';
import { Shell } from '../components/AppShell';
import { Button } from '../components/Button';
import { ErrorSummary, type FieldErrorLink } from '../components/ErrorSummary';
import { TextField } from '../components/FormField';
import { LoadingMessage } from '../components/LoadingMessage';
import { Page } from '../components/Page';
import { reconcileLocaleAfterLogin } from '../i18n/use-locale';
import { applySession, lastSessionEndReason, markSessionEnd, useMeta, useSession } from '../session';
import { DemoAccounts } from './DemoAccounts';

interface LocationState {
  from?: string;
}

/** Only paths inside the app: a crafted `from` must not send anyone elsewhere after login. */
function safeReturnPath(state: unknown): string {
  const from = (state as LocationState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

/** Where the OIDC button leads: a full page load, since the server redirects to the identity provider. */
export const OIDC_START_PATH = '/api/v1/session/oidc/start';

/** The reason in `?oidc=` after a failed OIDC login, as a known reason or 'unknown'; null when there is none. */
function oidcFailureReason(search: string): string | null {
  const reason = new URLSearchParams(search).get('oidc');
  if (reason === null) return null;
  return (OIDC_FAILURE_REASONS as readonly string[]).includes(reason) ? reason : 'unknown';
}

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const { data: session, isPending } = useSession();
  const { data: meta } = useMeta();

  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrorLink[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const totpRef = useRef<HTMLInputElement>(null);

  if (isPending) {
    return (
      <Shell user={null} navigation={false}>
        <LoadingMessage />
      </Shell>
    );
  }
  if (session && !busy) return <Navigate to={safeReturnPath(location.state)} replace />;

  const endReason = lastSessionEndReason();
  const oidcReason = oidcFailureReason(location.search);
  const errorFor = (fieldId: string) => fieldErrors.find((error) => error.fieldId === fieldId)?.message;

  function validate(): FieldErrorLink[] {
    const errors: FieldErrorLink[] = [];
    if (!username.trim()) errors.push({ fieldId: 'login-username', label: t('common:login.username'), message: t('common:login.required') });
    if (!password) errors.push({ fieldId: 'login-password', label: t('common:login.password'), message: t('common:login.required') });
    if (needsTotp && !/^\d{6}$/.test(totp.trim())) errors.push({ fieldId: 'login-totp', label: t('common:login.totp'), message: t('common:login.totpFormat') });
    return errors;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const errors = validate();
    setFieldErrors(errors);
    setProblem(null);
    if (errors.length > 0) return;
    setBusy(true);
    try {
      const body = { username: username.trim(), password, ...(needsTotp ? { totp: totp.trim() } : {}) };
      const result = await api.post<SessionResponse>('/api/v1/session', body, { expectUnauthorized: true });
      markSessionEnd(null);
      applySession(queryClient, result);
      await reconcileLocaleAfterLogin(i18n, queryClient, result);
      void navigate(result.user.mfaEnrolmentRequired ? '/mfa' : safeReturnPath(location.state), { replace: true });
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiProblem && error.code === 'auth.totp_required') {
        setNeedsTotp(true);
        // Wait for the field to render, then put the cursor where the next thing to type goes.
        requestAnimationFrame(() => totpRef.current?.focus());
        return;
      }
      if (error instanceof ApiProblem && error.code === 'auth.invalid_totp') setTotp('');
      setProblem(error);
    }
  }

  return (
    <Shell user={null} navigation={false}>
      <Page title={t('common:login.title')}>
        <div className="wr-login">
          <div className="wr-card wr-login__form">
            {oidcReason && !problem ? <Alert type="error">{t(`common:login.oidcFailed.${oidcReason}`)}</Alert> : null}
            {endReason === 'expired' && !problem && !oidcReason ? <Alert type="warning">{t('common:login.sessionEnded')}</Alert> : null}
            {endReason === 'logged_out' && !problem ? (
              <Alert type="ok" live="status">
                {t('common:login.loggedOut')}
              </Alert>
            ) : null}
            <ErrorSummary error={problem} fields={fieldErrors} />
            {needsTotp && !problem ? <Alert type="info">{t('common:login.totpRequired')}</Alert> : null}
            <p className="utrecht-paragraph wr-login__intro">{t('common:login.intro')}</p>
            {meta?.oidc ? (
              <div className="wr-login__oidc">
                <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={OIDC_START_PATH}>
                  {meta.oidc.label ?? t('common:login.oidcButton')}
                </a>
                <p className="utrecht-paragraph wr-login__or">{t('common:login.oidcOr')}</p>
              </div>
            ) : null}
            <form className="utrecht-form" noValidate onSubmit={(event) => void submit(event)}>
              <TextField
                id="login-username"
                name="username"
                label={t('common:login.username')}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={username}
                error={errorFor('login-username')}
                onChange={(event) => setUsername(event.target.value)}
              />
              <TextField
                id="login-password"
                name="password"
                type="password"
                label={t('common:login.password')}
                autoComplete="current-password"
                required
                value={password}
                error={errorFor('login-password')}
                onChange={(event) => setPassword(event.target.value)}
              />
              {needsTotp ? (
                <TextField
                  ref={totpRef}
                  id="login-totp"
                  name="totp"
                  label={t('common:login.totp')}
                  description={t('common:login.totpDescription')}
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  pattern="[0-9]{6}"
                  maxLength={6}
                  required
                  value={totp}
                  error={errorFor('login-totp')}
                  onChange={(event) => setTotp(event.target.value)}
                  className="wr-field--short"
                />
              ) : null}
              <div className="wr-form-actions">
                <Button type="submit" appearance="primary" busy={busy}>
                  {busy ? t('common:login.submitting') : t('common:login.submit')}
                </Button>
              </div>
            </form>
          </div>
          {meta?.demoMode ? (
            <DemoAccounts
              onPick={(demoUsername) => {
                setUsername(demoUsername);
                setPassword('demo');
                setFieldErrors([]);
              }}
            />
          ) : null}
        </div>
      </Page>
    </Shell>
  );
}
