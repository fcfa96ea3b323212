import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../platform/web/components/Alert';
import { Button, ButtonGroup } from '../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../platform/web/components/ErrorSummary';
import { TextField } from '../../../platform/web/components/FormField';
import { Heading } from '../../../platform/web/components/Heading';
import { formatDate } from '../../../platform/web/i18n/format';
import type { Entry } from '../contract';
import { useReverseEntry } from './finance-api';
import { euroExact } from './money';

export const REVERSAL_PANEL_ID = 'reversal-panel';

/**
 * The "Terugboeken" button in a booking's row; it opens the confirmation below the list and focus moves there
 * (no aria-controls: the panel does not exist until it opens).
 */
export function ReverseButton({ entry, onChoose }: { entry: Entry; onChoose: (entry: Entry) => void }) {
  const { t } = useTranslation();
  return (
    <Button appearance="secondary" aria-label={t('finance:reversal.actionLabel', { description: entry.description, amount: euroExact(entry.amountCents) })} onClick={() => onChoose(entry)}>
      {t('finance:reversal.action')}
    </Button>
  );
}

/**
 * Confirming a reversal: what is taken back, that nothing is deleted, whether a colleague must approve it,
 * and the reason (required). Finance books a counter-entry; the original booking stays.
 */
export function ReversalPanel({ entry, thresholdCents, onClose }: { entry: Entry; thresholdCents: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const reverse = useReverseEntry();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrorLink[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const amount = euroExact(entry.amountCents);
  // Focus moves to the confirmation the user just opened, so keyboard and screen-reader users land on it.
  useEffect(() => heading.current?.focus(), [entry.id]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = reason.trim() ? [] : [{ fieldId: 'reversal-reason', label: t('finance:reversal.reason'), message: t('finance:reversal.reasonRequired') }];
    setErrors(found);
    if (found.length === 0) reverse.mutate({ id: entry.id, reason: reason.trim() });
  }

  return (
    <div id={REVERSAL_PANEL_ID} className="wr-fin-queue__item wr-fin-reverse">
      <Heading level={3} ref={heading} tabIndex={-1}>
        {t('finance:reversal.heading')}
      </Heading>
      <p className="utrecht-paragraph">{t('finance:reversal.summary', { description: entry.description, amount, date: formatDate(entry.bookedOn, i18n.language), doc: entry.documentRef })}</p>
      {reverse.data ? (
        <>
          <Alert type={reverse.data.status === 'pending' ? 'warning' : 'ok'} live="status">
            {reverse.data.status === 'pending' ? t('finance:reversal.donePending', { amount }) : t('finance:reversal.done', { amount })}
          </Alert>
          <Button appearance="subtle" onClick={onClose}>
            {t('finance:reversal.close')}
          </Button>
        </>
      ) : (
        <form className="wr-form" onSubmit={submit} noValidate>
          <p className="utrecht-paragraph">{t('finance:reversal.confirm', { amount })}</p>
          {entry.amountCents >= thresholdCents ? <p className="utrecht-paragraph">{t('finance:reversal.fourEyes', { threshold: euroExact(thresholdCents) })}</p> : null}
          <ErrorSummary error={reverse.error} fields={errors} />
          <TextField id="reversal-reason" label={t('finance:reversal.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={errors[0]?.message} />
          <ButtonGroup>
            <Button type="submit" appearance="primary" danger busy={reverse.isPending}>
              {t('finance:reversal.submit')}
            </Button>
            <Button appearance="subtle" onClick={onClose}>
              {t('finance:reversal.cancel')}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </div>
  );
}
