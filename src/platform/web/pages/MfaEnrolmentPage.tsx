import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SessionResponse } from '../../../modules/auth/contract';
import { api, ApiProblem } from '../api-client';
import { Button } from '../components/Button';
import { ErrorSummary, type FieldErrorLink } from '../components/ErrorSummary';
import { TotpCodeForm } from '../components/TotpCodeForm';
import { Page, Section } from '../components/Page';
import { applySession } from '../session';

interface TotpSetup {
  secret: string;
  otpauthUri: string;
}

/** Groups of four characters are easier to type over from a screen. */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

/**
 * The only page a user whose role requires MFA can use until they have linked an authenticator app.
 * A QR code is left out on purpose: the secret and the URI work with every app and need no image library.
 */
export function MfaEnrolmentPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrorLink[]>([]);
  const [busy, setBusy] = useState(false);

  async function start() {
    setBusy(true);
    setProblem(null);
    try {
      setSetup(await api.post<TotpSetup>('/api/v1/me/totp'));
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(trimmed)) {
      setFieldErrors([{ fieldId: 'mfa-code', label: t('common:mfa.code'), message: t('common:mfa.codeFormat') }]);
      return;
    }
    setFieldErrors([]);
    setProblem(null);
    setBusy(true);
    try {
      const session = await api.post<SessionResponse>('/api/v1/me/totp/confirm', { code: trimmed });
      applySession(queryClient, session);
      void navigate('/', { replace: true });
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiProblem) setCode('');
      setProblem(error);
    }
  }

  return (
    <Page title={t('common:mfa.title')} lead={t('common:mfa.intro')}>
      <div className="wr-card wr-mfa">
        <ErrorSummary error={problem} fields={fieldErrors} />
        {!setup ? (
          <Button appearance="primary" busy={busy} onClick={() => void start()}>
            {t('common:mfa.start')}
          </Button>
        ) : (
          <>
            <Section title={t('common:mfa.step1')} id="mfa-step1">
              <dl className="wr-secret">
                <dt className="wr-secret__label">{t('common:mfa.secretLabel')}</dt>
                <dd className="wr-secret__value">
                  <code className="utrecht-code wr-secret__code" data-testid="totp-secret">
                    {groupSecret(setup.secret)}
                  </code>
                  <span className="utrecht-form-field-description">{t('common:mfa.secretHelp')}</span>
                </dd>
                <dt className="wr-secret__label">{t('common:mfa.uriLabel')}</dt>
                <dd className="wr-secret__value">
                  <code className="utrecht-code wr-secret__uri">{setup.otpauthUri}</code>
                  <span className="utrecht-form-field-description">{t('common:mfa.uriHelp')}</span>
                </dd>
              </dl>
            </Section>
            <Section title={t('common:mfa.step2')} id="mfa-step2">
              <TotpCodeForm
                id="mfa-code"
                code={code}
                onCodeChange={setCode}
                error={fieldErrors[0]?.message}
                busy={busy}
                submitLabel={t('common:mfa.confirm')}
                onSubmit={(event) => void confirm(event)}
              />
            </Section>
          </>
        )}
      </div>
    </Page>
  );
}
