import type { Rubric } from './contract.js';

/**
 * The assessment rubric (docs/initiatives.md, "Rubric"): four criteria scored 0–3 with written anchors. An
 * initiative may be granted only when it passes: at least PASS_TOTAL of 12 points, a clear contribution to the
 * goal it names (at least 2 — the residents' complaint was money spent "zonder doel"), and no criterion at 0.
 */
export const RUBRIC_CRITERIA = ['goal', 'support', 'feasibility', 'value'] as const;
export const RUBRIC_MAX = 12;
export const PASS_TOTAL = 7;
export const MIN_GOAL_SCORE = 2;

export function rubricTotal(rubric: Rubric): number {
  return RUBRIC_CRITERIA.reduce((sum, criterion) => sum + rubric[criterion], 0);
}

/** Why a rubric does not pass, as codes the web turns into words; empty when it passes. */
export function rubricShortfalls(rubric: Rubric): ('total_below_threshold' | 'goal_too_weak' | 'criterion_zero')[] {
  const reasons: ('total_below_threshold' | 'goal_too_weak' | 'criterion_zero')[] = [];
  if (rubricTotal(rubric) < PASS_TOTAL) reasons.push('total_below_threshold');
  if (rubric.goal < MIN_GOAL_SCORE) reasons.push('goal_too_weak');
  if (RUBRIC_CRITERIA.some((criterion) => rubric[criterion] === 0)) reasons.push('criterion_zero');
  return reasons;
}

export function rubricPasses(rubric: Rubric): boolean {
  return rubricShortfalls(rubric).length === 0;
}
