import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../../../platform/web/components/FormField';
import type { LinkKind, MeetingDetail } from '../../contract';
import { SearchPicker } from '../components/SearchPicker';
import { useAddAction, useAddAgendaItem, useLinkOptions, useOwnerOptions } from '../meetings-api';
import { serverFieldLinks } from '../../../../platform/web/i18n/field-error-message';

/** The programme manager's forms on an open meeting: a new agenda item, a new action. */

export function AgendaItemForm({ meeting, onDone }: { meeting: MeetingDetail; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const add = useAddAgendaItem(meeting.id);
  const options = useLinkOptions(meeting.municipality, true);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [links, setLinks] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrorLink[]>([]);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = title.trim() ? [] : [{ fieldId: 'item-title', label: t('meetings:detail.itemTitle'), message: t('meetings:detail.itemTitleRequired') }];
    setErrors(found);
    if (found.length) return;
    const refs = links.map((value) => {
      const [kind, ...rest] = value.split(':');
      return { kind: kind as LinkKind, id: rest.join(':') };
    });
    add.mutate(
      { title: title.trim(), description: description.trim(), links: refs },
      {
        onSuccess: () => {
          setTitle('');
          setDescription('');
          setLinks([]);
          onDone(t('meetings:detail.itemAdded'));
        },
      },
    );
  }
  return (
    <form className="utrecht-form" noValidate onSubmit={submit}>
      <ErrorSummary error={add.error} fields={errors} />
      <TextField id="item-title" label={t('meetings:detail.itemTitle')} value={title} maxLength={200} error={errors[0]?.message} onChange={(event) => setTitle(event.target.value)} />
      <TextAreaField id="item-description" label={t('meetings:detail.itemDescription')} optionalText={t('common:common.optional')} value={description} rows={2} maxLength={4000} onChange={(event) => setDescription(event.target.value)} />
      {options.items.length > 0 ? (
        <SearchPicker
          id="item-links"
          label={t('meetings:detail.itemLinks')}
          optionalText={t('common:common.optional')}
          description={t('meetings:detail.itemLinksDescription')}
          options={options.items.map((o) => ({ value: `${o.kind}:${o.id}`, label: o.label, group: t(`meetings:linkGroups.${o.group}`), keywords: o.id }))}
          value={links}
          onChange={setLinks}
          chipPrefix={(o) => t(`meetings:linkKinds.${o.value.split(':')[0] ?? 'priority'}`)}
        />
      ) : options.isPending ? null : (
        <p className="utrecht-paragraph wr-muted">{t('meetings:detail.noLinkOptions')}</p>
      )}
      <div className="wr-form-actions">
        <Button type="submit" appearance="primary" busy={add.isPending}>
          {t('meetings:detail.saveItem')}
        </Button>
      </div>
    </form>
  );
}

export function ActionForm({ meeting, onDone }: { meeting: MeetingDetail; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const add = useAddAction(meeting.id);
  const owners = useOwnerOptions(true);
  const [title, setTitle] = useState('');
  const [decisionId, setDecisionId] = useState(() => meeting.agendaItems.flatMap((i) => i.decisions).find((d) => d.requiresAction && !meeting.actions.some((a) => a.decisionId === d.id))?.id ?? '');
  const [ownerUserId, setOwnerUserId] = useState('');
  const [ownerOrganisationId, setOwnerOrganisationId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [errors, setErrors] = useState<FieldErrorLink[]>([]);
  const decisions = meeting.agendaItems.flatMap((item) => item.decisions.map((d) => ({ value: d.id, label: `${item.position}. ${d.text.length > 90 ? `${d.text.slice(0, 90)}…` : d.text}` })));
  const users = owners.data?.users.filter((u) => !ownerOrganisationId || u.organisationId === ownerOrganisationId) ?? [];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrorLink[] = [];
    if (title.trim().length < 3) found.push({ fieldId: 'action-title', label: t('meetings:detail.actionTitle'), message: t('meetings:detail.actionTitleRequired') });
    if (!ownerUserId && !ownerOrganisationId) found.push({ fieldId: 'action-organisation', label: t('meetings:detail.ownerOrganisation'), message: t('meetings:detail.ownerRequired') });
    if (!dueDate) found.push({ fieldId: 'action-due', label: t('meetings:detail.dueDate'), message: t('meetings:detail.dueDateRequired') });
    setErrors(found);
    if (found.length) return;
    add.mutate(
      { title: title.trim(), dueDate, ...(decisionId ? { decisionId } : {}), ...(ownerUserId ? { ownerUserId } : {}), ...(ownerOrganisationId ? { ownerOrganisationId } : {}) },
      {
        onSuccess: (action) => {
          setTitle('');
          setDueDate('');
          setOwnerUserId('');
          setDecisionId('');
          onDone(t('meetings:detail.actionAdded', { title: action.title }));
        },
      },
    );
  }
  // The browser's own checks first; else the server's word, at its field (issue 13, item 7).
  const shown = errors.length
    ? errors
    : serverFieldLinks(add.error, t, i18n.language, {
        title: { id: 'action-title', label: t('meetings:detail.actionTitle') },
        decisionId: { id: 'action-decision', label: t('meetings:detail.decision') },
        ownerOrganisationId: { id: 'action-organisation', label: t('meetings:detail.ownerOrganisation') },
        ownerUserId: { id: 'action-user', label: t('meetings:detail.ownerUser') },
        dueDate: { id: 'action-due', label: t('meetings:detail.dueDate') },
      });
  const errorFor = (id: string) => shown.find((e) => e.fieldId === id)?.message;
  return (
    <form className="utrecht-form" noValidate onSubmit={submit}>
      <ErrorSummary error={add.error} fields={shown} />
      <TextField id="action-title" label={t('meetings:detail.actionTitle')} value={title} maxLength={300} error={errorFor('action-title')} onChange={(event) => setTitle(event.target.value)} />
      <SelectField id="action-decision" label={t('meetings:detail.decision')} value={decisionId} placeholder={t('meetings:detail.noDecisionChoice')} options={decisions} onChange={(event) => setDecisionId(event.target.value)} />
      <div className="wr-form-grid">
        <SelectField
          id="action-organisation"
          label={t('meetings:detail.ownerOrganisation')}
          description={t('meetings:detail.ownerDescription')}
          value={ownerOrganisationId}
          placeholder={t('meetings:form.choose')}
          options={(owners.data?.organisations ?? []).map((o) => ({ value: o.id, label: o.name }))}
          error={errorFor('action-organisation')}
          onChange={(event) => {
            setOwnerOrganisationId(event.target.value);
            setOwnerUserId('');
          }}
        />
        <SelectField
          id="action-user"
          label={t('meetings:detail.ownerUser')}
          optionalText={t('common:common.optional')}
          value={ownerUserId}
          placeholder={t('meetings:detail.noPerson')}
          options={users.map((u) => ({ value: u.id, label: ownerOrganisationId ? u.displayName : `${u.displayName} (${u.organisationName})` }))}
          onChange={(event) => setOwnerUserId(event.target.value)}
        />
        <TextField id="action-due" type="date" label={t('meetings:detail.dueDate')} value={dueDate} min={meeting.heldOn} error={errorFor('action-due')} onChange={(event) => setDueDate(event.target.value)} />
      </div>
      <div className="wr-form-actions">
        <Button type="submit" appearance="primary" busy={add.isPending}>
          {t('meetings:detail.saveAction')}
        </Button>
      </div>
    </form>
  );
}
