import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary } from '../../../../platform/web/components/ErrorSummary';
import { oneFieldError, textCheck } from '../../../../platform/web/i18n/small-form-errors';
import { TextAreaField } from '../../../../platform/web/components/FormField';
import { StatusBadge } from '../../../../platform/web/components/StatusBadge';
import type { EscalationSubjectKind } from '../../contract';
import { useEscalate } from '../meetings-api';

interface EscalateProps {
  subject: { kind: EscalationSubjectKind; id: string; label: string };
  escalated: boolean;
  canEscalate: boolean;
  onDone: (message: string) => void;
}

/** "Agenderen": puts a row on the administrators' agenda with the reason, from wherever it slips. */
export function EscalateControl({ subject, escalated, canEscalate, onDone }: EscalateProps) {
  const { t, i18n } = useTranslation();
  const escalate = useEscalate();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState<string | undefined>();
  const fieldId = `escalate-${subject.kind}-${subject.id}`;
  const { message, links } = oneFieldError(checked, escalate.error, { name: 'reason', id: fieldId, label: t('meetings:direction.escalateReason') }, t, i18n.language);
  if (escalated) return <StatusBadge status="warning">{t('meetings:direction.escalated')}</StatusBadge>;
  if (!canEscalate) return null;
  if (!open) {
    return (
      <Button appearance="subtle" aria-label={t('meetings:direction.escalateFor', { label: subject.label })} onClick={() => setOpen(true)}>
        {t('meetings:direction.escalate')}
      </Button>
    );
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = textCheck(reason, 10, t, i18n.language);
    setChecked(found);
    if (found) {
      escalate.reset();
      return;
    }
    escalate.mutate(
      { subject: { kind: subject.kind, id: subject.id }, reason: reason.trim() },
      {
        onSuccess: () => {
          setOpen(false);
          onDone(t('meetings:direction.escalatedDone', { label: subject.label }));
        },
      },
    );
  }
  return (
    <form className="wr-escalate-form" noValidate onSubmit={submit}>
      <ErrorSummary error={escalate.error} fields={links} />
      <TextAreaField
        id={fieldId}
        label={t('meetings:direction.escalateReason')}
        description={t('meetings:direction.escalateReasonDescription')}
        value={reason}
        rows={3}
        maxLength={2000}
        error={message}
        onChange={(event) => setReason(event.target.value)}
      />
      <div className="wr-button-group">
        <Button type="submit" appearance="primary" busy={escalate.isPending}>
          {t('meetings:direction.escalateSave')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('common:common.cancel')}</Button>
      </div>
    </form>
  );
}
