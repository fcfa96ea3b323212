import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../platform/web/components/Button';
import { TextAreaField, TextField } from '../../../../platform/web/components/FormField';
import { Heading } from '../../../../platform/web/components/Heading';
import type { MkbaDetail } from '../../contract';
import { formatPercent, parsePercent } from '../format';
import { useMkbaChange } from '../mkba-api';
import { MkbaError } from './MkbaError';

/** Change the discount rate: any rate but 2.25 % needs a written justification (the server refuses it without). */
export function RateForm({ mkba }: { mkba: MkbaDetail }) {
  const { t, i18n } = useTranslation();
  const change = useMkbaChange(mkba.id);
  const [rate, setRate] = useState(formatPercent(mkba.discountRate, i18n.language).replace(' %', ''));
  const [justification, setJustification] = useState(mkba.rateJustification ?? '');
  const [badRate, setBadRate] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = parsePercent(rate);
    setBadRate(value === null || value > 15);
    if (value === null || value > 15) return;
    change.mutate({ method: 'PATCH', path: `/api/v1/mkbas/${mkba.id}`, body: { discountRate: value, rateJustification: justification.trim() || null } });
  };
  return (
    <form onSubmit={submit} noValidate className="wr-form" aria-labelledby="rate-heading">
      <Heading level={3} id="rate-heading">
        {t('learning:rate.heading')}
      </Heading>
      {change.error ? <MkbaError error={change.error} /> : null}
      {change.isSuccess && !change.isPending ? (
        <p className="utrecht-paragraph" role="status">
          {t('learning:rate.saved', { rate: formatPercent(mkba.discountRate, i18n.language) })}
        </p>
      ) : null}
      <TextField id="rate-value" label={t('learning:rate.label')} description={t('learning:rate.hint')} inputMode="decimal" value={rate} onChange={(event) => setRate(event.target.value)} error={badRate ? t('learning:form.rate') : undefined} />
      <TextAreaField id="rate-justification" label={t('learning:rate.justification')} description={t('learning:rate.justificationHint')} optionalText={t('learning:form.optional')} value={justification} onChange={(event) => setJustification(event.target.value)} rows={2} />
      <Button type="submit" busy={change.isPending}>
        {t('learning:rate.submit')}
      </Button>
    </form>
  );
}
