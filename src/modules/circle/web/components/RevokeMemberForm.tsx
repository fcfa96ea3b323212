import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { TextAreaField } from '../../../../platform/web/components/FormField';
import type { Member } from '../../contract';
import { useRevokeMember } from '../circle-api';
import { CircleError } from './CircleError';

/** Revoking a member's key asks for a reason and says what follows before it is done. */
export function RevokeMemberForm({ member, onDone }: { member: Member; onDone: (revoked?: boolean) => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeMember();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrorLink[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = reason.trim() ? [] : [{ fieldId: 'revoke-reason', label: t('circle:revoke.reason'), message: t('circle:revoke.reasonRequired') }];
    setErrors(found);
    // mutateAsync, not mutate's callbacks: the member's row changes (and this form may unmount) when the list is
    // fetched again, and the page must still say it was revoked.
    if (found.length === 0) void revoke.mutateAsync({ id: member.id, reason: reason.trim() }).then(() => onDone(true), () => undefined);
  };
  return (
    <form onSubmit={submit} noValidate className="wr-form wr-circle-revoke" aria-labelledby="revoke-heading">
      <h3 id="revoke-heading" className="utrecht-heading-3">
        {t('circle:revoke.heading', { name: member.name })}
      </h3>
      <p className="utrecht-paragraph">{t('circle:revoke.explained', { name: member.name })}</p>
      {revoke.error ? <CircleError error={revoke.error} /> : <ErrorSummary fields={errors} />}
      <TextAreaField id="revoke-reason" label={t('circle:revoke.reason')} description={t('circle:revoke.reasonHint')} value={reason} onChange={(e) => setReason(e.target.value)} error={errors[0]?.message} rows={2} maxLength={1000} />
      <ButtonGroup>
        <Button type="submit" danger busy={revoke.isPending}>
          {t('circle:revoke.submit', { name: member.name })}
        </Button>
        <Button onClick={() => onDone(false)}>{t('circle:form.cancel')}</Button>
      </ButtonGroup>
    </form>
  );
}
