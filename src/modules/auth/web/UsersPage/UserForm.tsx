import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { CheckboxGroup, SelectField, TextField } from '../../../../platform/web/components/FormField';
import { ROLES } from '../../../../platform/shared/permissions';
import type { Organisation } from '../../contract';
import { knownFieldProblem } from '../auth-problems';
import { RoleTags } from './RoleTags';
import { validateUserForm, type UserFormField, type UserFormValues } from '../user-form-validation';
import { fieldMessages } from '../../../../platform/web/i18n/field-error-message';

interface UserFormProps {
  mode: 'create' | 'edit';
  idPrefix: string;
  initial: UserFormValues;
  organisations: readonly Organisation[];
  submitLabel: string;
  busy: boolean;
  /** The failed request, if any; its field errors are shown at the fields. */
  error: unknown;
  onSubmit: (values: UserFormValues) => void;
  onCancel?: () => void;
  /** One's own account: roles are shown but not changed (another administrator changes them). */
  rolesLocked?: boolean;
}

const FIELD_ORDER: UserFormField[] = ['displayName', 'username', 'email', 'password', 'organisationId', 'roles', 'areaScopes'];

/** The fields of a user; on edit the username and password are not part of it (they have their own actions). */
export function UserForm({ mode, idPrefix, initial, organisations, submitLabel, busy, error, onSubmit, onCancel, rolesLocked = false }: UserFormProps) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<UserFormValues>(initial);
  const [clientErrors, setClientErrors] = useState<Partial<Record<UserFormField, string>>>({});

  const labels: Record<UserFormField, string> = {
    displayName: t('auth:users.displayName'),
    username: t('auth:users.username'),
    email: t('auth:users.email'),
    password: t('auth:users.password'),
    organisationId: t('auth:users.organisation'),
    roles: t('auth:users.roles'),
    areaScopes: t('auth:users.areaScopes'),
  };
  const known = knownFieldProblem(error);
  const serverErrors: Partial<Record<string, string>> = known ? { [known.field]: t(`auth:${known.key}`) } : fieldMessages(error, t, i18n.language);
  const errorOf = (field: UserFormField): string | undefined => clientErrors[field] ?? serverErrors[field];
  const fieldId = (field: UserFormField) => `${idPrefix}-${field}`;
  const summaryFields: FieldErrorLink[] = FIELD_ORDER.flatMap((field) => {
    const message = clientErrors[field];
    return message ? [{ fieldId: fieldId(field), label: labels[field], message }] : [];
  });
  const serverSummaryFields: FieldErrorLink[] = FIELD_ORDER.flatMap((field) => {
    const message = serverErrors[field];
    return message && !clientErrors[field] ? [{ fieldId: fieldId(field), label: labels[field], message }] : [];
  });

  function set<K extends UserFormField>(field: K, value: UserFormValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateUserForm(values, mode);
    const messages: Partial<Record<UserFormField, string>> = {};
    for (const [field, problem] of Object.entries(found) as Array<[UserFormField, { key: string; codes?: string }]>) {
      messages[field] = t(`auth:${problem.key}`, { codes: problem.codes ?? '' });
    }
    setClientErrors(messages);
    if (Object.keys(messages).length === 0) onSubmit(values);
  }

  const organisationOptions = organisations
    .filter((organisation) => !organisation.disabled || organisation.id === initial.organisationId)
    .map((organisation) => ({ value: organisation.id, label: organisation.name }));
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`common:roles.${role}`) }));

  return (
    <form className="utrecht-form" noValidate onSubmit={submit}>
      {summaryFields.length > 0 ? <ErrorSummary fields={summaryFields} /> : <ErrorSummary error={known ? undefined : error} fields={serverSummaryFields} />}
      <div className="wr-form-grid">
        <TextField
          id={fieldId('displayName')}
          label={labels.displayName}
          autoComplete="off"
          maxLength={200}
          value={values.displayName}
          error={errorOf('displayName')}
          onChange={(event) => set('displayName', event.target.value)}
        />
        {mode === 'create' ? (
          <TextField
            id={fieldId('username')}
            label={labels.username}
            description={t('auth:users.usernameDescription')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={63}
            value={values.username}
            error={errorOf('username')}
            onChange={(event) => set('username', event.target.value)}
          />
        ) : null}
        <TextField
          id={fieldId('email')}
          type="email"
          label={labels.email}
          optionalText={t('common:common.optional')}
          autoComplete="off"
          value={values.email}
          error={errorOf('email')}
          onChange={(event) => set('email', event.target.value)}
        />
        {mode === 'create' ? (
          <TextField
            id={fieldId('password')}
            type="password"
            label={labels.password}
            description={t('auth:users.passwordDescription')}
            autoComplete="new-password"
            value={values.password}
            error={errorOf('password')}
            onChange={(event) => set('password', event.target.value)}
          />
        ) : null}
        <SelectField
          id={fieldId('organisationId')}
          label={labels.organisationId}
          placeholder={t('auth:users.chooseOrganisation')}
          options={organisationOptions}
          value={values.organisationId}
          error={errorOf('organisationId')}
          onChange={(event) => set('organisationId', event.target.value)}
        />
        <TextField
          id={fieldId('areaScopes')}
          className="wr-form-grid__wide"
          label={labels.areaScopes}
          description={t('auth:users.areaScopesDescription')}
          optionalText={t('common:common.optional')}
          autoComplete="off"
          spellCheck={false}
          value={values.areaScopes}
          error={errorOf('areaScopes')}
          onChange={(event) => set('areaScopes', event.target.value)}
        />
        <div className="wr-form-grid__wide">
          {rolesLocked ? (
            <div id={fieldId('roles')}>
              <p className="utrecht-paragraph">
                <strong>{labels.roles}</strong>
              </p>
              <RoleTags roles={initial.roles} />
              <p className="utrecht-paragraph wr-muted">{t('auth:users.ownRolesLocked')}</p>
            </div>
          ) : (
            <CheckboxGroup
              id={fieldId('roles')}
              name={`${idPrefix}-roles`}
              legend={labels.roles}
              description={t('auth:users.rolesFourEyes')}
              options={roleOptions}
              value={values.roles}
              error={errorOf('roles')}
              onChange={(roles) => set('roles', roles)}
            />
          )}
        </div>
      </div>
      <div className="wr-form-actions">
        <Button type="submit" appearance="primary" busy={busy}>
          {submitLabel}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('common:common.cancel')}</Button> : null}
      </div>
    </form>
  );
}

export const EMPTY_USER_FORM: UserFormValues = {
  username: '',
  displayName: '',
  email: '',
  password: '',
  organisationId: '',
  roles: [],
  areaScopes: '',
};
