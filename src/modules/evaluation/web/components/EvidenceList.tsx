import { useTranslation } from 'react-i18next';
import { Button } from '../../../../platform/web/components/Button';
import { formatNumber } from '../../../../platform/web/i18n/format';
import type { EvidenceItem } from '../../contract';
import { useEvaluationChange } from '../evaluation-api';
import { EvaluationError } from './EvaluationError';

/** The evidence linked to one criterion; a figure shows its value at linking and its live value beside it. */
export function EvidenceList({ evaluationId, items, canRemove }: { evaluationId: string; items: readonly EvidenceItem[]; canRemove: (item: EvidenceItem) => boolean }) {
  const { t, i18n } = useTranslation();
  const change = useEvaluationChange(evaluationId);
  const value = (v: number | null, unit: string) => (v === null ? '' : `${formatNumber(v, i18n.language)}${unit ? ` ${unit}` : ''}`);
  if (items.length === 0) return <p className="utrecht-paragraph wr-muted">{t('evaluation:evidence.empty')}</p>;
  return (
    <>
      <EvaluationError error={change.error} />
      <ul className="wr-evaluation-evidence">
        {items.map((item) => {
          const label = item.visible ? (item.label ?? '') : t('evaluation:evidence.hiddenItem');
          return (
            <li key={item.id}>
              <span className="wr-tag">{t(`evaluation:evidence.kinds.${item.kind}`)}</span>{' '}
              {item.url && item.visible ? (
                <a className="utrecht-link utrecht-link--html-a" href={item.url} rel="noopener noreferrer" target="_blank">
                  {label}
                </a>
              ) : (
                <strong>{label}</strong>
              )}
              {item.figure ? (
                <span className="wr-evaluation-evidence__figure" data-testid="evidence-figure">
                  {' '}
                  {t('evaluation:evidence.atLinking', { value: value(item.figure.value, item.figure.unit), year: item.figure.year })} ·{' '}
                  {item.figure.liveValue === null ? t('evaluation:evidence.nowUnknown') : t('evaluation:evidence.now', { value: value(item.figure.liveValue, item.figure.unit), year: item.figure.liveYear })}
                </span>
              ) : null}
              {item.note ? <span className="wr-evaluation-evidence__note"> — {item.note}</span> : null}
              <span className="wr-muted"> ({t('evaluation:evidence.by', { name: item.addedBy })})</span>
              {canRemove(item) ? (
                <>
                  {' '}
                  <Button appearance="subtle" busy={change.isPending} aria-label={t('evaluation:evidence.removeLabel', { label })} onClick={() => change.mutate({ method: 'DELETE', path: `/api/v1/evaluation-evidence/${item.id}` })}>
                    {t('evaluation:evidence.remove')}
                  </Button>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
