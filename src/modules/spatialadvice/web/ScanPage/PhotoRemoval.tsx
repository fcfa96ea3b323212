import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../platform/web/components/Button';
import { TextAreaField } from '../../../../platform/web/components/FormField';
import { ProblemAlert } from '../components/ProblemAlert';
import { scanCalls, useScanChange } from '../spatial-api';

/**
 * "Foto verwijderen" beside one photo, for whoever took it while the scan is open and for whoever manages
 * advices (also after signing: a recognisable person must be erasable). Asks why; the reason goes into the
 * audit log (docs/spatialadvice.md, "Photos").
 */
export function PhotoRemoval({ scanId, photoId, label, onRemoved }: { scanId: string; photoId: string; label: string; onRemoved: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const change = useScanChange(scanId);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  if (!asking) {
    return (
      <Button appearance="subtle" danger aria-label={`${t('spatialadvice:photoRemoval.open')}: ${label}`} onClick={() => setAsking(true)}>
        {t('spatialadvice:photoRemoval.open')}
      </Button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = reason.trim().length < 3 ? t('spatialadvice:photoRemoval.reasonRequired') : undefined;
    setError(problem);
    // mutateAsync, not mutate's callbacks: this form unmounts with its photo when the scan is fetched again.
    if (!problem) void change.mutateAsync(scanCalls.removePhoto(photoId, reason.trim())).then(onRemoved, () => undefined);
  };
  return (
    <form className="wr-sa-photo-removal" noValidate onSubmit={submit} aria-label={`${t('spatialadvice:photoRemoval.open')}: ${label}`}>
      <ProblemAlert error={change.error} />
      <TextAreaField id={`${id}-reason`} label={t('spatialadvice:photoRemoval.reason')} description={t('spatialadvice:photoRemoval.reasonHint')} rows={2} maxLength={500} value={reason} error={error} onChange={(e) => setReason(e.target.value)} />
      <div className="wr-button-group utrecht-button-group">
        <Button type="submit" appearance="primary" danger busy={change.isPending}>
          {t('spatialadvice:photoRemoval.confirm')}
        </Button>
        <Button appearance="subtle" onClick={() => setAsking(false)}>
          {t('spatialadvice:photoRemoval.cancel')}
        </Button>
      </div>
    </form>
  );
}
