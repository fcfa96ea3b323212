import type { FormEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { TextField } from './FormField';

interface TotpCodeFormProps {
  /** The field's id, for the error summary's link. */
  id: string;
  code: string;
  onCodeChange: (code: string) => void;
  error: string | undefined;
  busy: boolean;
  submitLabel: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  inputRef?: Ref<HTMLInputElement>;
}

/** The six-digit code from an authenticator app and its submit button: MFA enrolment and the code step after an OIDC login. */
export function TotpCodeForm({ id, code, onCodeChange, error, busy, submitLabel, onSubmit, inputRef }: TotpCodeFormProps) {
  const { t } = useTranslation();
  return (
    <form className="utrecht-form" noValidate onSubmit={onSubmit}>
      <TextField
        ref={inputRef}
        id={id}
        name="code"
        label={t('common:mfa.code')}
        description={t('common:mfa.codeDescription')}
        autoComplete="one-time-code"
        inputMode="numeric"
        maxLength={7}
        required
        value={code}
        error={error}
        onChange={(event) => onCodeChange(event.target.value)}
        className="wr-field--short"
      />
      <div className="wr-form-actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
