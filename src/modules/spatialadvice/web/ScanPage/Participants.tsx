import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { SelectField } from '../../../../platform/web/components/FormField';
import { Section } from '../../../../platform/web/components/Page';
import { DISCIPLINES, type Discipline, type ScanDetail } from '../../contract';
import { ProblemAlert } from '../components/ProblemAlert';
import { scanCalls, usePeople, useScanChange } from '../spatial-api';

/** Who scores the scan, each from one discipline; a manager invites more while the advice is not signed. */
export function Participants({ scan }: { scan: ScanDetail }) {
  const { t } = useTranslation();
  const canInvite = scan.can.manage && !scan.advice;
  const people = usePeople(scan.id, canInvite);
  const change = useScanChange(scan.id);
  const [userId, setUserId] = useState('');
  const [discipline, setDiscipline] = useState<Discipline | ''>('');
  const [fields, setFields] = useState<FieldErrorLink[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrorLink[] = [];
    if (!userId) found.push({ fieldId: 'sa-invite-person', label: t('spatialadvice:scan.person'), message: t('spatialadvice:scan.choosePerson') });
    if (!discipline) found.push({ fieldId: 'sa-invite-discipline', label: t('spatialadvice:scan.discipline'), message: t('spatialadvice:scan.chooseDiscipline') });
    setFields(found);
    if (found.length || !discipline) return;
    change.mutate(scanCalls.addParticipant(scan.id, { userId, discipline }), {
      onSuccess: () => {
        setUserId('');
        setDiscipline('');
      },
    });
  };
  const taken = new Set(scan.participants.map((p) => p.userId));
  // Only people whose own areas cover the scan's place (the server's list), not yet invited.
  const invitable = (people.data ?? []).filter((p) => !taken.has(p.id));
  return (
    <Section title={t('spatialadvice:scan.participants')} id="sa-participants">
      {scan.participants.length === 0 ? (
        <p className="utrecht-paragraph">{t('spatialadvice:scan.participantsNone')}</p>
      ) : (
        <ul className="utrecht-unordered-list">
          {scan.participants.map((p) => (
            <li key={p.id} className="utrecht-unordered-list__item">
              {t(`spatialadvice:disciplines.${p.discipline}`)}: {p.name} ({p.organisation})
            </li>
          ))}
        </ul>
      )}
      {canInvite ? (
        <form onSubmit={submit} noValidate aria-labelledby="sa-invite-heading">
          <h3 className="utrecht-heading-3" id="sa-invite-heading">
            {t('spatialadvice:scan.invite')}
          </h3>
          <ErrorSummary fields={fields} />
          <ProblemAlert error={change.error} />
          <SelectField
            id="sa-invite-person"
            label={t('spatialadvice:scan.person')}
            value={userId}
            onChange={(e) => setUserId(e.target.value)}
            placeholder={t('spatialadvice:scan.personPlaceholder')}
            options={invitable.map((p) => ({ value: p.id, label: `${p.name} (${p.organisation})` }))}
            description={people.data && invitable.length === 0 ? t('spatialadvice:scan.nobodyHere') : undefined}
            error={fields.find((f) => f.fieldId === 'sa-invite-person')?.message}
          />
          <SelectField
            id="sa-invite-discipline"
            label={t('spatialadvice:scan.discipline')}
            value={discipline}
            onChange={(e) => setDiscipline(e.target.value as Discipline)}
            placeholder={t('spatialadvice:scan.disciplinePlaceholder')}
            options={DISCIPLINES.map((d) => ({ value: d, label: t(`spatialadvice:disciplines.${d}`) }))}
            error={fields.find((f) => f.fieldId === 'sa-invite-discipline')?.message}
          />
          <Button type="submit" appearance="primary" busy={change.isPending}>
            {t('spatialadvice:scan.inviteSubmit')}
          </Button>
        </form>
      ) : null}
    </Section>
  );
}
