import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary } from '../../../../platform/web/components/ErrorSummary';
import { oneFieldError, textCheck } from '../../../../platform/web/i18n/small-form-errors';
import { CheckboxField, TextAreaField } from '../../../../platform/web/components/FormField';
import { Heading } from '../../../../platform/web/components/Heading';
import { StatusBadge } from '../../../../platform/web/components/StatusBadge';
import { classNames } from '../../../../platform/web/components/class-names';
import type { Action, AgendaItem } from '../../contract';
import { ownerLabel } from '../components/ActionsTable';
import { formatCalendarDate } from '../format-date';
import { useAddDecision, useSetNoDecision } from '../meetings-api';
import { DecisionPublication } from './DecisionPublication';

interface AgendaItemCardProps {
  item: AgendaItem;
  actions: readonly Action[];
  editable: boolean;
  /** May switch whether residents see a decision (meetings.manage; not in a case meeting); also once closed. */
  canPublish: boolean;
  onMessage: (message: string) => void;
}

function DecisionForm({ item, onDone }: { item: AgendaItem; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const add = useAddDecision();
  const [text, setText] = useState('');
  const [requiresAction, setRequiresAction] = useState(true);
  const [checked, setChecked] = useState<string | undefined>();
  const fieldId = `decision-${item.id}`;
  const { message, links } = oneFieldError(checked, add.error, { name: 'text', id: fieldId, label: t('meetings:detail.decisionText') }, t, i18n.language);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = textCheck(text, 3, t, i18n.language);
    setChecked(found);
    if (found) add.reset();
    else add.mutate({ itemId: item.id, text: text.trim(), requiresAction }, { onSuccess: () => onDone(t('meetings:detail.decisionAdded')) });
  }
  return (
    <form className="wr-subform" noValidate onSubmit={submit}>
      <ErrorSummary error={add.error} fields={links} />
      <TextAreaField id={fieldId} label={t('meetings:detail.decisionText')} value={text} rows={3} maxLength={2000} error={message} onChange={(event) => setText(event.target.value)} />
      <CheckboxField label={t('meetings:detail.requiresAction')} description={t('meetings:detail.requiresActionDescription')} checked={requiresAction} onChange={(event) => setRequiresAction(event.target.checked)} />
      <div className="wr-form-actions">
        <Button type="submit" appearance="primary" busy={add.isPending}>
          {t('meetings:detail.saveDecision')}
        </Button>
      </div>
    </form>
  );
}

function NoDecisionForm({ item, onDone }: { item: AgendaItem; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const save = useSetNoDecision();
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState<string | undefined>();
  const fieldId = `no-decision-${item.id}`;
  const { message, links } = oneFieldError(checked, save.error, { name: 'reason', id: fieldId, label: t('meetings:detail.reason') }, t, i18n.language);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = textCheck(reason, 3, t, i18n.language);
    setChecked(found);
    if (found) save.reset();
    else save.mutate({ itemId: item.id, reason: reason.trim() }, { onSuccess: () => onDone(t('meetings:detail.noDecisionSaved')) });
  }
  return (
    <form className="wr-subform" noValidate onSubmit={submit}>
      <ErrorSummary error={save.error} fields={links} />
      <TextAreaField id={fieldId} label={t('meetings:detail.reason')} value={reason} rows={2} maxLength={2000} error={message} onChange={(event) => setReason(event.target.value)} />
      <div className="wr-form-actions">
        <Button type="submit" appearance="primary" busy={save.isPending}>
          {t('meetings:detail.saveNoDecision')}
        </Button>
      </div>
    </form>
  );
}

/** One agenda item: what it is about, what it links to, what was decided and who does what by when. */
export function AgendaItemCard({ item, actions, editable, canPublish, onMessage }: AgendaItemCardProps) {
  const { t, i18n } = useTranslation();
  const withdraw = useSetNoDecision();
  const [form, setForm] = useState<'decision' | 'none' | null>(null);
  const hasOutcome = item.decisions.length > 0 || item.noDecisionReason !== null;
  const done = (message: string) => {
    setForm(null);
    onMessage(message);
  };
  return (
    <li className={classNames('wr-card', 'wr-agenda__item', !hasOutcome && 'wr-agenda__item--open', item.noDecisionReason !== null && 'wr-agenda__item--no-decision')}>
      <div className="wr-agenda__head">
        <Heading level={3} className="wr-agenda__title">
          <span className="wr-agenda__number">{item.position}.</span>
          {item.title}
        </Heading>
        {item.noDecisionReason !== null ? (
          <StatusBadge status="neutral">{t('meetings:detail.noDecision')}</StatusBadge>
        ) : item.decisions.length === 0 ? (
          <StatusBadge status="warning">{t('meetings:detail.awaitingOutcome')}</StatusBadge>
        ) : null}
      </div>
      {item.description ? <p className="utrecht-paragraph">{item.description}</p> : null}
      {item.links.length > 0 ? (
        <div className="wr-agenda__links">
          <span className="wr-muted">{t('meetings:detail.links')}:</span>
          <ul className="wr-badge-list">
            {item.links.map((link) => (
              <li key={`${link.kind}:${link.id}`}>
                <span className="wr-tag">
                  {t(`meetings:linkKinds.${link.kind}`)}: {link.label}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {item.decisions.length > 0 ? (
        <ul className="wr-decisions" aria-label={t('meetings:detail.decisions')}>
          {item.decisions.map((decision) => {
            const own = actions.filter((a) => a.decisionId === decision.id);
            return (
              <li key={decision.id} className="wr-decision">
                <span className="wr-decision__label">{t('meetings:subjectKinds.decision')}:</span>
                {decision.text}
                {!decision.requiresAction ? <span className="wr-muted"> ({t('meetings:detail.noActionNeeded')})</span> : null}
                <DecisionPublication decision={decision} canPublish={canPublish} onMessage={onMessage} />
                {own.length > 0 ? (
                  <ul className="wr-decision__actions">
                    {own.map((a) => (
                      <li key={a.id}>
                        {a.title} — {ownerLabel(a)}, {formatCalendarDate(a.dueDate, i18n.language)} ({t(`meetings:actionStatus.${a.status}`)}
                        {a.overdue ? <span className="wr-overdue">, {t('meetings:overdueDays', { count: a.daysOverdue })}</span> : null})
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {item.noDecisionReason !== null ? <p className="utrecht-paragraph wr-muted">{t('meetings:detail.noDecisionReason', { reason: item.noDecisionReason })}</p> : null}
      {editable ? (
        <div className="wr-agenda__forms">
          {item.noDecisionReason === null ? (
            <>
              <Button appearance={form === 'decision' ? 'primary' : 'secondary'} aria-expanded={form === 'decision'} onClick={() => setForm(form === 'decision' ? null : 'decision')}>
                {t('meetings:detail.addDecision')}
              </Button>
              {item.decisions.length === 0 ? (
                <Button appearance="subtle" aria-expanded={form === 'none'} onClick={() => setForm(form === 'none' ? null : 'none')}>
                  {t('meetings:detail.recordNoDecision')}
                </Button>
              ) : null}
            </>
          ) : (
            <Button appearance="subtle" busy={withdraw.isPending} onClick={() => withdraw.mutate({ itemId: item.id, reason: null })}>
              {t('meetings:detail.withdrawNoDecision')}
            </Button>
          )}
          {form === 'decision' ? <DecisionForm item={item} onDone={done} /> : null}
          {form === 'none' ? <NoDecisionForm item={item} onDone={done} /> : null}
        </div>
      ) : null}
    </li>
  );
}
