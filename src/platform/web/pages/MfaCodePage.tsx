import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SessionResponse } from '../../../modules/auth/contract';
import { api, ApiProblem } from '../api-client';
import { ErrorSummary, type FieldErrorLink } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { TotpCodeForm } from '../components/TotpCodeForm';
import { reconcileLocaleAfterLogin } from '../i18n/use-locale';
import { applySession } from '../session';

/**
 * The second step after an OIDC login without MFA at the identity provider, for a user who has an
 * authenticator app: the session can do nothing else until the code is entered.
 */
export function MfaCodePage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrorLink[]>([]);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const trimmed = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(trimmed)) {
      setFieldErrors([{ fieldId: 'mfa-verify-code', label: t('common:mfa.code'), message: t('common:mfa.codeFormat') }]);
      return;
    }
    setFieldErrors([]);
    setProblem(null);
    setBusy(true);
    try {
      const session = await api.post<SessionResponse>('/api/v1/session/totp', { code: trimmed });
      applySession(queryClient, session);
      await reconcileLocaleAfterLogin(i18n, queryClient, session);
      void navigate('/', { replace: true });
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiProblem) setCode('');
      setProblem(error);
      requestAnimationFrame(() => codeRef.current?.focus());
    }
  }

  return (
    <Page title={t('common:mfa.verifyTitle')} lead={t('common:mfa.verifyIntro')}>
      <div className="wr-card wr-mfa">
        <ErrorSummary error={problem} fields={fieldErrors} />
        <TotpCodeForm
          id="mfa-verify-code"
          inputRef={codeRef}
          code={code}
          onCodeChange={setCode}
          error={fieldErrors[0]?.message}
          busy={busy}
          submitLabel={t('common:mfa.verify')}
          onSubmit={(event) => void submit(event)}
        />
      </div>
    </Page>
  );
}
