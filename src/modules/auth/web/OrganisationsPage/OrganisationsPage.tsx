import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextField } from '../../../../platform/web/components/FormField';
import { Heading } from '../../../../platform/web/components/Heading';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { StatusBadge } from '../../../../platform/web/components/StatusBadge';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { formatNumber } from '../../../../platform/web/i18n/format';
import { ORGANISATION_KIND_CODES } from '../auth-labels';
import { useCreateOrganisation, useOrganisations, useUpdateOrganisation } from '../auth-api';
import type { Organisation, OrganisationKind } from '../../contract';

interface OrganisationFormProps {
  idPrefix: string;
  initial?: { name: string; kind: OrganisationKind | '' };
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (values: { name: string; kind: OrganisationKind }) => void;
  onCancel?: () => void;
}

function OrganisationForm({ idPrefix, initial, submitLabel, busy, error, onSubmit, onCancel }: OrganisationFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial?.name ?? '');
  const [kind, setKind] = useState<OrganisationKind | ''>(initial?.kind ?? '');
  const [fieldErrors, setFieldErrors] = useState<FieldErrorLink[]>([]);
  const kindOptions = ORGANISATION_KIND_CODES.map((code) => ({ value: code, label: t(`common:organisationKinds.${code}`) }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: FieldErrorLink[] = [];
    if (!name.trim()) errors.push({ fieldId: `${idPrefix}-name`, label: t('auth:organisations.name'), message: t('auth:organisations.nameRequired') });
    if (!kind) errors.push({ fieldId: `${idPrefix}-kind`, label: t('auth:organisations.kind'), message: t('auth:organisations.kindRequired') });
    setFieldErrors(errors);
    if (errors.length === 0 && kind) onSubmit({ name: name.trim(), kind });
  }

  const errorFor = (field: string) => fieldErrors.find((error) => error.fieldId === `${idPrefix}-${field}`)?.message;
  return (
    <form className="utrecht-form" noValidate onSubmit={submit}>
      <ErrorSummary error={error} fields={fieldErrors} />
      <div className="wr-form-grid">
        <TextField id={`${idPrefix}-name`} label={t('auth:organisations.name')} value={name} maxLength={200} required error={errorFor('name')} onChange={(event) => setName(event.target.value)} />
        <SelectField
          id={`${idPrefix}-kind`}
          label={t('auth:organisations.kind')}
          value={kind}
          required
          placeholder={t('auth:organisations.choose')}
          options={kindOptions}
          error={errorFor('kind')}
          onChange={(event) => setKind(event.target.value as OrganisationKind | '')}
        />
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

function EditOrganisation({ organisation, onDone }: { organisation: Organisation; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const update = useUpdateOrganisation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="wr-card" aria-labelledby="organisation-edit-heading">
      <Heading level={2} id="organisation-edit-heading" ref={headingRef} tabIndex={-1} className="wr-card__heading">
        {t('auth:organisations.editHeading', { name: organisation.name })}
      </Heading>
      <OrganisationForm
        idPrefix="organisation-edit"
        initial={{ name: organisation.name, kind: organisation.kind }}
        submitLabel={t('common:common.save')}
        busy={update.isPending}
        error={update.error}
        onCancel={() => onDone(null)}
        onSubmit={(values) =>
          update.mutate({ id: organisation.id, changes: values }, { onSuccess: (saved) => onDone(t('auth:organisations.updated', { name: saved.name })) })
        }
      />
    </section>
  );
}

export default function OrganisationsPage() {
  const { t, i18n } = useTranslation();
  const organisations = useOrganisations();
  const create = useCreateOrganisation();
  const update = useUpdateOrganisation();
  const [message, setMessage] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  const editing = organisations.data?.find((organisation) => organisation.id === editingId) ?? null;

  const columns: Column<Organisation>[] = [
    { key: 'name', header: t('auth:organisations.name'), rowHeader: true, render: (row) => row.name },
    { key: 'kind', header: t('auth:organisations.kind'), render: (row) => t(`common:organisationKinds.${row.kind}`) },
    { key: 'users', header: t('auth:organisations.users'), numeric: true, render: (row) => formatNumber(row.userCount, i18n.language) },
    {
      key: 'status',
      header: t('auth:organisations.status'),
      render: (row) => <StatusBadge status={row.disabled ? 'inactive' : 'active'}>{row.disabled ? t('common:common.disabled') : t('common:common.active')}</StatusBadge>,
    },
    {
      key: 'actions',
      header: t('common:common.actions'),
      render: (row) => (
        <div className="wr-button-group">
          <Button appearance="subtle" aria-label={`${t('common:common.edit')}: ${row.name}`} onClick={() => setEditingId(row.id)}>
            {t('common:common.edit')}
          </Button>
          <Button
            appearance="subtle"
            danger={!row.disabled}
            aria-label={`${row.disabled ? t('auth:organisations.enable') : t('auth:organisations.disable')}: ${row.name}`}
            onClick={() =>
              update.mutate(
                { id: row.id, changes: { disabled: !row.disabled } },
                { onSuccess: (saved) => setMessage(t('auth:organisations.updated', { name: saved.name })) },
              )
            }
          >
            {row.disabled ? t('auth:organisations.enable') : t('auth:organisations.disable')}
          </Button>
        </div>
      ),
    },
  ];

  return (
    <Page title={t('auth:organisations.title')} lead={t('auth:organisations.lead')}>
      {message ? (
        <Alert type="ok" live="status">
          {message}
        </Alert>
      ) : null}
      {update.error && !editing ? <ErrorSummary error={update.error} /> : null}
      {editing ? (
        <EditOrganisation
          key={editing.id}
          organisation={editing}
          onDone={(done) => {
            setEditingId(null);
            if (done) setMessage(done);
          }}
        />
      ) : null}
      <QueryState isPending={organisations.isPending} error={organisations.error} onRetry={() => void organisations.refetch()} />
      {organisations.data ? (
        <Table
          caption={t('auth:organisations.tableCaption')}
          captionHidden
          columns={columns}
          rows={organisations.data}
          rowKey={(row) => row.id}
          rowClassName={(row) => (row.disabled ? 'wr-row--inactive' : undefined)}
          empty={t('common:common.empty')}
        />
      ) : null}
      <Section title={t('auth:organisations.createHeading')} id="organisation-create">
        <div className="wr-card">
          <OrganisationForm
            key={formKey}
            idPrefix="organisation-new"
            submitLabel={t('auth:organisations.create')}
            busy={create.isPending}
            error={create.error}
            onSubmit={(values) =>
              create.mutate(values, {
                onSuccess: (created) => {
                  setMessage(t('auth:organisations.created', { name: created.name }));
                  // A fresh form, so the next organisation starts empty.
                  setFormKey((key) => key + 1);
                  create.reset();
                },
              })
            }
          />
        </div>
      </Section>
    </Page>
  );
}
