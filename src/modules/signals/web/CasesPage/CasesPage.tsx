import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../../platform/web/api-client';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary } from '../../../../platform/web/components/ErrorSummary';
import { CheckboxGroup, SelectField, TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { Table } from '../../../../platform/web/components/Table';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import { FOCUS_KINDS } from '../../contract';
import { categoryName, DEMO_MUNICIPALITY, formatDateTime, useCases, useSignals, useTaxonomy } from '../signals-api';
import '../signals.css';
import { fieldMessages, serverFieldLinks } from '../../../../platform/web/i18n/field-error-message';

function NewCaseForm() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const taxonomy = useTaxonomy();
  const signals = useSignals({ municipality: DEMO_MUNICIPALITY });
  const [title, setTitle] = useState('');
  const [focusKind, setFocusKind] = useState<string>('address');
  const [focus, setFocus] = useState('');
  const [purpose, setPurpose] = useState('');
  const [signalIds, setSignalIds] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: () =>
      api.post<{ id: string }>('/api/v1/signal-cases', {
        title,
        focusKind,
        purpose,
        signalIds,
        ...(focusKind === 'address' && focus ? { focusAddress: focus } : {}),
        ...((focusKind === 'person' || focusKind === 'group') && focus ? { focusReference: focus } : {}),
      }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['signals'] });
      void navigate(`/casussen/${created.id}`);
    },
  });
  const errors = fieldMessages(create.error, t, i18n.language);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Section title={t('signals:cases.new')}>
        <ErrorSummary
          error={create.error}
          fields={serverFieldLinks(create.error, t, i18n.language, {
            title: { id: 'case-title', label: t('signals:cases.caseTitle') },
            focusAddress: { id: 'case-focus', label: t(`signals:cases.focusValue.${focusKind}`) },
            focusReference: { id: 'case-focus', label: t(`signals:cases.focusValue.${focusKind}`) },
            purpose: { id: 'case-purpose', label: t('signals:fields.purpose') },
            signalIds: { id: 'case-signals', label: t('signals:cases.pickSignals') },
          })}
        />
        <TextField id="case-title" label={t('signals:cases.caseTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} />
        <SelectField label={t('signals:cases.focusKind')} value={focusKind} options={FOCUS_KINDS.map((k) => ({ value: k, label: t(`signals:focus.${k}`) }))} onChange={(e) => setFocusKind(e.target.value)} />
        {focusKind !== 'location' ? (
          <TextField
            id="case-focus"
            label={t(`signals:cases.focusValue.${focusKind}`)}
            description={focusKind === 'address' ? undefined : t('signals:register.subjectsHint')}
            value={focus}
            onChange={(e) => setFocus(e.target.value)}
            error={errors.focusAddress ?? errors.focusReference}
            autoComplete="off"
          />
        ) : null}
        <TextField id="case-purpose" label={t('signals:fields.purpose')} value={purpose} onChange={(e) => setPurpose(e.target.value)} error={errors.purpose} />
        <QueryState isPending={signals.isPending} error={signals.error} />
        {signals.data ? (
          <CheckboxGroup
            id="case-signals"
            legend={t('signals:cases.pickSignals')}
            description={t('signals:cases.pickSignalsHint')}
            name="signalIds"
            options={signals.data.items.slice(0, 25).map((s) => ({ value: s.id, label: `${formatDateTime(s.occurredAt, i18n.language)} · ${categoryName(taxonomy.data, s.category, i18n.language)} · ${s.areaName ?? s.areaCode}` }))}
            value={signalIds}
            onChange={setSignalIds}
            error={errors.signalIds}
          />
        ) : null}
        <Button appearance="primary" type="submit" busy={create.isPending}>
          {t('signals:cases.create')}
        </Button>
      </Section>
    </form>
  );
}

/** "Casussen": signals bundled around an address, location, person or group, with their case meetings. */
export default function CasesPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const taxonomy = useTaxonomy();
  const cases = useCases(DEMO_MUNICIPALITY);
  return (
    <Page title={t('signals:cases.title')} lead={t('signals:cases.lead')}>
      <QueryState isPending={cases.isPending} error={cases.error} />
      {cases.data ? (
        <Table
          caption={t('signals:cases.caption')}
          captionHidden
          columns={[
            { key: 'title', header: t('signals:cases.caseTitle'), rowHeader: true, render: (c) => <Link className="utrecht-link utrecht-link--html-a" to={`/casussen/${c.id}`}>{c.title}</Link> },
            { key: 'focus', header: t('signals:cases.focusKind'), render: (c) => t(`signals:focus.${c.focusKind}`) },
            { key: 'category', header: t('signals:fields.category'), render: (c) => categoryName(taxonomy.data, c.category, i18n.language) },
            { key: 'area', header: t('signals:fields.buurt'), render: (c) => c.areaName ?? c.areaCode },
            { key: 'status', header: t('signals:cases.status'), render: (c) => t(`signals:caseStatus.status.${c.status}`) },
            { key: 'owner', header: t('signals:cases.owner'), render: (c) => c.ownerOrganisation.name },
            { key: 'signals', header: t('signals:cases.signals'), numeric: true, render: (c) => c.signalCount },
            { key: 'open', header: t('signals:cases.openInterventions'), numeric: true, render: (c) => c.openInterventions },
          ]}
          rows={cases.data.items}
          rowKey={(c) => c.id}
          empty={t('signals:cases.empty')}
        />
      ) : null}
      {hasPermission(user, 'signal_cases.manage') ? <NewCaseForm /> : null}
    </Page>
  );
}
