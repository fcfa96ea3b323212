import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button, ButtonGroup } from '../../../../platform/web/components/Button';
import { Section } from '../../../../platform/web/components/Page';
import type { EvaluationDetail, Transition } from '../../contract';
import { useEvaluationChange } from '../evaluation-api';
import { EvaluationError } from './EvaluationError';

const NEXT: Partial<Record<EvaluationDetail['status'], { to: Transition['to']; label: string }>> = {
  concept: { to: 'scoring_open', label: 'evaluation:steps.open' },
  scoring_open: { to: 'scoring_closed', label: 'evaluation:steps.close' },
  scoring_closed: { to: 'established', label: 'evaluation:steps.establish' },
};

/** Where the evaluation stands, the caller's submit, and the lead's button to the next step. */
export function StepsSection({ evaluation }: { evaluation: EvaluationDetail }) {
  const { t } = useTranslation();
  const change = useEvaluationChange(evaluation.id);
  const next = evaluation.isLead ? NEXT[evaluation.status] : undefined;
  const submittedCount = evaluation.evaluators.filter((e) => e.submitted).length;
  const unscored = evaluation.criteria.filter((c) => !c.myScore).length;
  const mayScore = evaluation.isEvaluator && evaluation.status === 'scoring_open';
  return (
    <Section title={t('evaluation:steps.heading')} id="evaluation-steps">
      <EvaluationError error={change.error} />
      <p className="utrecht-paragraph">{t(`evaluation:steps.${evaluation.status}`)}</p>
      {evaluation.status === 'scoring_open' ? <p className="utrecht-paragraph">{t('evaluation:steps.submitted', { count: submittedCount, total: evaluation.evaluators.length })}</p> : null}
      {mayScore && evaluation.submitted ? (
        <Alert type="ok" live="off">
          <p className="utrecht-paragraph">{t('evaluation:score.done')}</p>
        </Alert>
      ) : null}
      {mayScore && !evaluation.submitted ? (
        <>
          <p className="utrecht-paragraph">{unscored > 0 ? t('evaluation:score.missing', { count: unscored }) : t('evaluation:score.submitHint')}</p>
          {!evaluation.scoresVisible ? <p className="utrecht-paragraph wr-muted">{t('evaluation:score.hidden')}</p> : null}
        </>
      ) : null}
      <ButtonGroup>
        {mayScore && !evaluation.submitted ? (
          <Button appearance={next ? 'secondary' : 'primary'} busy={change.isPending} onClick={() => change.mutate({ method: 'POST', path: `/api/v1/evaluations/${evaluation.id}/submission` })}>
            {t('evaluation:score.submit')}
          </Button>
        ) : null}
        {next ? (
          <Button appearance="primary" busy={change.isPending} onClick={() => change.mutate({ method: 'POST', path: `/api/v1/evaluations/${evaluation.id}/status`, body: { to: next.to } })}>
            {t(next.label)}
          </Button>
        ) : null}
      </ButtonGroup>
      {next?.to === 'established' ? <p className="utrecht-paragraph wr-muted">{t('evaluation:steps.establishHint')}</p> : null}
    </Section>
  );
}
