import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../platform/web/components/Alert';
import { Button, ButtonGroup } from '../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../platform/web/components/ErrorSummary';
import { TextAreaField, TextField } from '../../../platform/web/components/FormField';
import { Page, Section } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { Table } from '../../../platform/web/components/Table';
import { formatDateTime } from '../../../platform/web/i18n/format';
import type { Member } from '../contract';
import { useAddMember, useIdentity, useMembers, useRemoveMember, useUpdateIdentity } from './circle-api';
import { CircleError } from './components/CircleError';
import { KeyRotation } from './components/KeyRotation';
import { RevokeMemberForm } from './components/RevokeMemberForm';
import './circle.css';

const CODE = /^GM\d{4}$/;

function IdentitySection() {
  const { t } = useTranslation();
  const identity = useIdentity();
  const update = useUpdateIdentity();
  const [form, setForm] = useState<{ name: string; municipalityCode: string } | null>(null);
  const [errors, setErrors] = useState<FieldErrorLink[]>([]);
  const current = form ?? { name: identity.data?.name ?? '', municipalityCode: identity.data?.municipalityCode ?? '' };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrorLink[] = [];
    if (!current.name.trim()) found.push({ fieldId: 'identity-name', label: t('circle:admin.name'), message: t('circle:form.required') });
    if (!CODE.test(current.municipalityCode.trim())) found.push({ fieldId: 'identity-code', label: t('circle:admin.code'), message: t('circle:form.code') });
    setErrors(found);
    if (found.length === 0) update.mutate({ name: current.name.trim(), municipalityCode: current.municipalityCode.trim() }, { onSuccess: () => setForm(null) });
  };
  const error = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <Section title={t('circle:admin.identity')} id="circle-identity">
      <QueryState isPending={identity.isPending} error={identity.error} onRetry={() => void identity.refetch()} />
      {identity.data ? (
        <>
          <p className="utrecht-paragraph">{t('circle:admin.identityExplained')}</p>
          <dl>
            <dt>{t('circle:admin.fingerprint')}</dt>
            <dd className="wr-circle-key" data-testid="own-fingerprint">{identity.data.fingerprint}</dd>
            <dt>{t('circle:admin.publicKey')}</dt>
            <dd className="wr-circle-key">{identity.data.publicKey}</dd>
          </dl>
          <KeyRotation identity={identity.data} />
          <form onSubmit={submit} noValidate className="wr-form">
            {update.error ? <CircleError error={update.error} /> : <ErrorSummary fields={errors} />}
            <TextField id="identity-name" label={t('circle:admin.name')} value={current.name} onChange={(e) => setForm({ ...current, name: e.target.value })} error={error('identity-name')} maxLength={200} />
            <TextField id="identity-code" label={t('circle:admin.code')} description={t('circle:admin.codeHint')} value={current.municipalityCode} onChange={(e) => setForm({ ...current, municipalityCode: e.target.value })} error={error('identity-code')} maxLength={6} />
            <Button type="submit" busy={update.isPending}>
              {t('circle:admin.saveIdentity')}
            </Button>
          </form>
        </>
      ) : null}
    </Section>
  );
}

function AddMemberForm() {
  const { t } = useTranslation();
  const add = useAddMember();
  const empty = { name: '', municipalityCode: '', publicKey: '' };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<FieldErrorLink[]>([]);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrorLink[] = [];
    if (!form.name.trim()) found.push({ fieldId: 'member-name', label: t('circle:admin.name'), message: t('circle:form.required') });
    if (!CODE.test(form.municipalityCode.trim())) found.push({ fieldId: 'member-code', label: t('circle:admin.code'), message: t('circle:form.code') });
    if (form.publicKey.trim().length < 40) found.push({ fieldId: 'member-key', label: t('circle:admin.publicKey'), message: t('circle:form.key') });
    setErrors(found);
    if (found.length === 0) add.mutate({ name: form.name.trim(), municipalityCode: form.municipalityCode.trim(), publicKey: form.publicKey.trim() }, { onSuccess: () => setForm(empty) });
  };
  const error = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <Section title={t('circle:admin.add')} id="circle-member-new">
      <ol className="utrecht-ordered-list">
        <li className="utrecht-ordered-list__item">{t('circle:admin.step1')}</li>
        <li className="utrecht-ordered-list__item">{t('circle:admin.step2')}</li>
        <li className="utrecht-ordered-list__item">{t('circle:admin.step3')}</li>
      </ol>
      <form onSubmit={submit} noValidate className="wr-form">
        {add.error ? <CircleError error={add.error} /> : <ErrorSummary fields={errors} />}
        {add.isSuccess ? <Alert type="ok" live="status" heading={t('circle:admin.added', { fingerprint: add.data.fingerprint })} /> : null}
        <TextField id="member-name" label={t('circle:admin.name')} value={form.name} onChange={set('name')} error={error('member-name')} maxLength={200} />
        <TextField id="member-code" label={t('circle:admin.code')} description={t('circle:admin.codeHint')} value={form.municipalityCode} onChange={set('municipalityCode')} error={error('member-code')} maxLength={6} />
        <TextAreaField id="member-key" label={t('circle:admin.publicKey')} description={t('circle:admin.publicKeyHint')} value={form.publicKey} onChange={set('publicKey')} error={error('member-key')} rows={2} />
        <Button appearance="primary" type="submit" busy={add.isPending}>
          {t('circle:admin.addSubmit')}
        </Button>
      </form>
    </Section>
  );
}

/** Members whose key was revoked: kept with date and reason, so the history says who was revoked when and why. */
function RevokedMembers({ members }: { members: Member[] }) {
  const { t, i18n } = useTranslation();
  if (members.length === 0) return null;
  return (
    <Section title={t('circle:revoke.listHeading')} id="circle-admin-revoked">
      <p className="utrecht-paragraph">{t('circle:revoke.listExplained')}</p>
      <Table<Member>
        caption={t('circle:revoke.listHeading')}
        captionHidden
        rows={members}
        rowKey={(m) => m.id}
        empty=""
        columns={[
          { key: 'name', header: t('circle:admin.name'), rowHeader: true, render: (m) => m.name },
          { key: 'code', header: t('circle:admin.code'), render: (m) => m.municipalityCode },
          { key: 'fingerprint', header: t('circle:admin.fingerprint'), render: (m) => <span className="wr-circle-key">{m.fingerprint}</span> },
          { key: 'revokedAt', header: t('circle:revoke.when'), render: (m) => formatDateTime(m.revokedAt, i18n.language) },
          { key: 'reason', header: t('circle:revoke.reason'), render: (m) => m.revokedReason },
        ]}
      />
    </Section>
  );
}

/** The administrator's page: this installation's key and the trust list of member keys. */
export default function MembersAdminPage() {
  const { t } = useTranslation();
  const members = useMembers();
  const remove = useRemoveMember();
  const [revoking, setRevoking] = useState<Member | null>(null);
  const [revokedName, setRevokedName] = useState<string | null>(null);
  const active = members.data?.filter((m) => m.revokedAt === null);
  return (
    <Page title={t('circle:admin.title')} lead={t('circle:admin.lead')}>
      <IdentitySection />
      <Section title={t('circle:admin.members')} id="circle-admin-members">
        <QueryState isPending={members.isPending} error={members.error} onRetry={() => void members.refetch()} />
        <CircleError error={remove.error} />
        {revokedName ? <Alert type="ok" live="status" heading={t('circle:revoke.done', { name: revokedName })} /> : null}
        {active ? (
          <Table<Member>
            caption={t('circle:admin.members')}
            captionHidden
            rows={active}
            rowKey={(m) => m.id}
            empty={t('circle:members.none')}
            columns={[
              { key: 'name', header: t('circle:admin.name'), rowHeader: true, render: (m) => m.name },
              { key: 'code', header: t('circle:admin.code'), render: (m) => m.municipalityCode },
              { key: 'fingerprint', header: t('circle:admin.fingerprint'), render: (m) => <span className="wr-circle-key">{m.fingerprint}</span> },
              {
                key: 'remove',
                header: t('circle:admin.actions'),
                render: (m) => (
                  <ButtonGroup>
                    <Button
                      onClick={() => {
                        setRevokedName(null);
                        setRevoking(m);
                      }}
                    >
                      {t('circle:revoke.start', { name: m.name })}
                    </Button>
                    <Button danger onClick={() => window.confirm(t('circle:admin.removeConfirm', { name: m.name })) && remove.mutate(m.id)}>
                      {t('circle:admin.remove', { name: m.name })}
                    </Button>
                  </ButtonGroup>
                ),
              },
            ]}
          />
        ) : null}
        {revoking ? (
          <RevokeMemberForm
            key={revoking.id}
            member={revoking}
            onDone={(revoked?: boolean) => {
              if (revoked) setRevokedName(revoking.name);
              setRevoking(null);
            }}
          />
        ) : null}
      </Section>
      <RevokedMembers members={members.data?.filter((m) => m.revokedAt !== null) ?? []} />
      <AddMemberForm />
    </Page>
  );
}
