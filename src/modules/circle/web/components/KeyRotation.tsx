import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button, ButtonGroup } from '../../../../platform/web/components/Button';
import { formatDateTime } from '../../../../platform/web/i18n/format';
import type { Identity } from '../../contract';
import { useRotateKey } from '../circle-api';
import { CircleError } from './CircleError';

/**
 * "Nieuwe sleutel maken": rotation in one step. The confirmation says what happens, because it cannot be undone:
 * the old private key is discarded, and members take the new key over at the next bundle.
 */
export function KeyRotation({ identity }: { identity: Identity }) {
  const { t, i18n } = useTranslation();
  const rotate = useRotateKey();
  const [asking, setAsking] = useState(false);
  return (
    <div className="wr-circle-rotation">
      {identity.rotation ? (
        <p className="utrecht-paragraph" data-testid="rotation-info">
          {t('circle:rotation.last', { date: formatDateTime(identity.rotation.rotatedAt, i18n.language), fingerprint: identity.rotation.previousFingerprint })}
        </p>
      ) : null}
      <CircleError error={rotate.error} />
      {rotate.isSuccess && !asking ? <Alert type="ok" live="status" heading={t('circle:rotation.done', { fingerprint: rotate.data.fingerprint })} /> : null}
      {asking ? (
        <Alert type="warning" heading={t('circle:rotation.confirmHeading')}>
          <p className="utrecht-paragraph">{t('circle:rotation.confirmText')}</p>
          <ButtonGroup>
            <Button appearance="primary" busy={rotate.isPending} onClick={() => rotate.mutate(undefined, { onSuccess: () => setAsking(false) })}>
              {t('circle:rotation.confirm')}
            </Button>
            <Button onClick={() => setAsking(false)}>{t('circle:form.cancel')}</Button>
          </ButtonGroup>
        </Alert>
      ) : (
        <Button onClick={() => setAsking(true)}>{t('circle:rotation.start')}</Button>
      )}
    </div>
  );
}
