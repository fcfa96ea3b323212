import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextAreaField } from '../../../../platform/web/components/FormField';
import type { InitiativeDetail, STATUS_STEPS } from '../../contract';
import { useChangeStatus } from '../initiatives-api';
import { initiativeProblem } from '../problems';

type Step = (typeof STATUS_STEPS)[number];

/** The next step of the workflow (other than assessing and granting), always with a reason. */
export function StepForm({ initiative }: { initiative: InitiativeDetail }) {
  const { t } = useTranslation();
  const change = useChangeStatus(initiative.id);
  const [to, setTo] = useState<Step | ''>(initiative.allowedSteps.length === 1 ? (initiative.allowedSteps[0] ?? '') : '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ fieldId: string; label: string; message: string }[]>([]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = [
      ...(to ? [] : [{ fieldId: 'step-to', label: t('initiatives:step.to'), message: t('initiatives:step.toRequired') }]),
      ...(reason.trim() ? [] : [{ fieldId: 'step-reason', label: t('initiatives:step.reason'), message: t('initiatives:step.reasonRequired') }]),
    ];
    setErrors(found);
    if (found.length || !to) return;
    change.mutate({ to, reason: reason.trim() }, { onSuccess: () => setReason('') });
  }

  return (
    <form className="wr-form" onSubmit={submit} noValidate aria-label={t('initiatives:step.heading')}>
      <ErrorSummary fields={errors} />
      {change.error ? (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{initiativeProblem(change.error, t)}</p>
        </Alert>
      ) : null}
      <SelectField
        id="step-to"
        label={t('initiatives:step.to')}
        options={initiative.allowedSteps.map((s) => ({ value: s, label: t(`initiatives:step.options.${s}`) }))}
        placeholder={t('initiatives:submit.choose')}
        value={to}
        onChange={(e) => setTo(e.target.value as Step | '')}
        error={errors.find((e) => e.fieldId === 'step-to')?.message}
      />
      <TextAreaField id="step-reason" label={t('initiatives:step.reason')} description={t('initiatives:step.reasonHint')} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} error={errors.find((e) => e.fieldId === 'step-reason')?.message} maxLength={2000} />
      <Button type="submit" appearance="primary" busy={change.isPending}>
        {t('initiatives:step.save')}
      </Button>
    </form>
  );
}
