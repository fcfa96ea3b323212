import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../platform/web/components/Alert';
import { Button, ButtonGroup } from '../../../platform/web/components/Button';

interface DecisionButtonsProps {
  /** What approving would overrun, in words; null when nothing: then "Accorderen" decides at once. */
  overWarning: string | null;
  busy: boolean;
  onApprove: () => void;
  onReject: () => void;
}

/**
 * Approve and reject for one item waiting for a decision. An approval that would overrun asks once more,
 * with the warning, before it is sent; the same for a booking and for a proposed budget line.
 */
export function DecisionButtons({ overWarning, busy, onApprove, onReject }: DecisionButtonsProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  if (confirming && overWarning !== null) {
    return (
      <div className="wr-fin-confirm">
        <Alert type="warning" live="alert">
          {overWarning}
        </Alert>
        <ButtonGroup>
          <Button appearance="primary" busy={busy} onClick={onApprove}>
            {t('finance:approvals.confirmApprove')}
          </Button>
          <Button appearance="secondary" onClick={() => setConfirming(false)}>
            {t('finance:approvals.cancel')}
          </Button>
        </ButtonGroup>
      </div>
    );
  }
  return (
    <ButtonGroup>
      <Button appearance="primary" busy={busy} onClick={() => (overWarning !== null ? setConfirming(true) : onApprove())}>
        {t('finance:approvals.approve')}
      </Button>
      <Button appearance="secondary" danger busy={busy} onClick={onReject}>
        {t('finance:approvals.reject')}
      </Button>
    </ButtonGroup>
  );
}
