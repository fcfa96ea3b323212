import { useTranslation } from 'react-i18next';
import { StatusBadge, type BadgeStatus } from '../../../../platform/web/components/StatusBadge';
import { Section } from '../../../../platform/web/components/Page';
import { formatDate } from '../../../../platform/web/i18n/format';
import type { CriterionView, EvaluationDetail, GoalFigures } from '../../contract';
import { ConclusionForm } from './ConclusionForm';
import { EvidenceForm } from './EvidenceForm';
import { EvidenceList } from './EvidenceList';
import { ScoreForm, useScoreWords } from './ScoreForm';
import { ScoreOverview } from './ScoreOverview';

const GOAL_BADGE: Record<GoalFigures['status'], BadgeStatus> = { on_track: 'safe', at_risk: 'warning', off_track: 'danger', no_data: 'neutral' };

/** A programme goal's current status and figures, beside the goal as a criterion. */
function GoalLine({ goal }: { goal: GoalFigures }) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => `${new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: goal.decimals }).format(value)}${goal.unit ? ` ${goal.unit}` : ''}`;
  return (
    <p className="utrecht-paragraph">
      <StatusBadge status={GOAL_BADGE[goal.status]}>{t(`evaluation:goal.status.${goal.status}`)}</StatusBadge>{' '}
      {t('evaluation:goal.figures', {
        indicator: goal.indicatorName,
        area: goal.areaName,
        latest: goal.latestValue === null ? t('evaluation:goal.noLatest') : `${number(goal.latestValue)} (${goal.latestPeriod ?? ''})`,
        baseline: number(goal.baseline),
        target: goal.target === null ? '—' : number(goal.target),
        targetDate: formatDate(goal.targetDate, i18n.language),
      })}
    </p>
  );
}

/** One criterion: what it means, the caller's score, the others' scores once visible, evidence and the conclusion. */
export function CriterionSection({ evaluation, criterion }: { evaluation: EvaluationDetail; criterion: CriterionView }) {
  const { t } = useTranslation();
  const words = useScoreWords();
  const { status, isEvaluator, isLead, submitted } = evaluation;
  const mayScore = isEvaluator && status === 'scoring_open' && !submitted;
  const mayLink = isEvaluator && status !== 'established';
  return (
    <Section title={criterion.title} headingLevel={3} id={`criterion-${criterion.id}`}>
      <div className="wr-evaluation-criterion" data-testid="criterion">
        {criterion.explanation ? <p className="utrecht-paragraph wr-evaluation-explanation">{criterion.explanation}</p> : null}
        {criterion.goal ? <GoalLine goal={criterion.goal} /> : null}
        {mayScore ? (
          <ScoreForm key={criterion.id} evaluationId={evaluation.id} criterion={criterion} />
        ) : criterion.myScore ? (
          <p className="utrecht-paragraph">
            {t('evaluation:score.yours', { score: words(criterion.myScore.score) })}
            {criterion.myScore.motivation ? ` — ${criterion.myScore.motivation}` : ''}
          </p>
        ) : null}
        <ScoreOverview criterion={criterion} />
        <h4 className="utrecht-heading-4">{t('evaluation:evidence.heading')}</h4>
        <EvidenceList evaluationId={evaluation.id} items={criterion.evidence} canRemove={(item) => status !== 'established' && (item.mine || isLead)} />
        {mayLink ? <EvidenceForm evaluationId={evaluation.id} criterionId={criterion.id} /> : null}
        <h4 className="utrecht-heading-4">{t('evaluation:conclusion.heading')}</h4>
        {isLead && status === 'scoring_closed' ? (
          <ConclusionForm key={criterion.conclusion} evaluationId={evaluation.id} criterion={criterion} />
        ) : (
          <p className="utrecht-paragraph">{criterion.conclusion || <span className="wr-muted">{t('evaluation:conclusion.none')}</span>}</p>
        )}
      </div>
    </Section>
  );
}

