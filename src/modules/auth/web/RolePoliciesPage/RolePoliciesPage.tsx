import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary } from '../../../../platform/web/components/ErrorSummary';
import { CheckboxGroup } from '../../../../platform/web/components/FormField';
import { Page } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { ROLES } from '../../../../platform/shared/permissions';
import type { RoleCode } from '../../contract';
import { useRolePolicies, useUpdateRolePolicy } from '../auth-api';

/** Which roles must use two-step verification; saved role by role, only what changed. */
export default function RolePoliciesPage() {
  const { t } = useTranslation();
  const policies = useRolePolicies();
  const update = useUpdateRolePolicy();
  const [required, setRequired] = useState<string[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const saved = policies.data?.filter((policy) => policy.mfaRequired).map((policy) => policy.role) ?? [];
  useEffect(() => {
    if (policies.data && required === null) setRequired(policies.data.filter((policy) => policy.mfaRequired).map((policy) => policy.role));
  }, [policies.data, required]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!required) return;
    const changed = ROLES.filter((role) => required.includes(role) !== saved.includes(role));
    setMessage(null);
    setError(null);
    if (changed.length === 0) {
      setMessage(t('auth:rolePolicies.unchanged'));
      return;
    }
    setSaving(true);
    try {
      for (const role of changed) await update.mutateAsync({ role: role as RoleCode, mfaRequired: required.includes(role) });
      setMessage(t('auth:rolePolicies.saved'));
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Page title={t('auth:rolePolicies.title')} lead={t('auth:rolePolicies.lead')}>
      {message ? (
        <Alert type="ok" live="status">
          {message}
        </Alert>
      ) : null}
      <QueryState isPending={policies.isPending} error={policies.error} onRetry={() => void policies.refetch()} />
      {required ? (
        <div className="wr-card">
          <form className="utrecht-form" noValidate onSubmit={(event) => void submit(event)}>
            <ErrorSummary error={error} />
            <CheckboxGroup
              id="role-policy"
              name="mfaRequired"
              legend={t('auth:rolePolicies.legend')}
              options={ROLES.map((role) => ({ value: role, label: t(`common:roles.${role}`) }))}
              value={required}
              onChange={setRequired}
            />
            <div className="wr-form-actions">
              <Button type="submit" appearance="primary" busy={saving}>
                {t('auth:rolePolicies.save')}
              </Button>
            </div>
          </form>
        </div>
      ) : null}
    </Page>
  );
}
