import type { TFunction } from 'i18next';
import { ApiProblem } from '../../../../platform/web/api-client';
import { fieldErrorMessage } from '../../../../platform/web/i18n/field-error-message';
import type { CriterionDraft } from './ranking-criteria';

/** A message at one control of the ranking form: its id and the label the summary's link names. */
export interface RankingFieldError {
  id: string;
  label: string;
  message: string;
}

/**
 * The browser's problems with the criteria (criteriaProblems), each at the control it is about: no
 * criterion at the picker, a weight out of range at that weight (in the words of the one mapping), all
 * weights zero at the first weight.
 */
export function criteriaFieldErrors(problems: readonly string[], criteria: readonly CriterionDraft[], labelOf: (code: string) => string, t: TFunction, locale: string): RankingFieldError[] {
  const found: RankingFieldError[] = [];
  for (const key of problems) {
    if (key === 'indicators:ranking.problems.weightRange') {
      const outOfRange = fieldErrorMessage({ code: 'out_of_range', params: { minimum: 0, maximum: 100 } }, t, locale);
      for (const criterion of criteria) {
        if (!Number.isFinite(criterion.weight) || criterion.weight < 0 || criterion.weight > 100) found.push({ id: `weight-${criterion.indicator}`, label: weightLabel(criterion.indicator, labelOf, t), message: outOfRange });
      }
    } else if (key === 'indicators:ranking.problems.allZero' && criteria[0]) {
      found.push({ id: `weight-${criteria[0].indicator}`, label: weightLabel(criteria[0].indicator, labelOf, t), message: t(key) });
    } else {
      found.push({ id: 'ranking-add', label: t('indicators:ranking.addLabel'), message: t(key) });
    }
  }
  return found;
}

/**
 * The server's field errors of a computed ranking, by path: `body.criteria.2.weight` belongs to the weight
 * of the third criterion sent, `body.criteria` to the picker, `body.period` to the year.
 */
export function previewFieldErrors(error: unknown, sent: readonly Pick<CriterionDraft, 'indicator'>[], labelOf: (code: string) => string, t: TFunction, locale: string): RankingFieldError[] {
  if (!(error instanceof ApiProblem)) return [];
  const found: RankingFieldError[] = [];
  for (const problem of error.errors) {
    const [part, index] = problem.path.split('.').filter((p) => p !== 'body');
    const criterion = part === 'criteria' && index !== undefined ? sent[Number(index)] : undefined;
    const target = criterion
      ? { id: `weight-${criterion.indicator}`, label: weightLabel(criterion.indicator, labelOf, t) }
      : part === 'criteria'
        ? { id: 'ranking-add', label: t('indicators:ranking.addLabel') }
        : part === 'municipality'
          ? { id: 'ranking-municipality', label: t('indicators:common.municipality') }
          : part === 'level'
            ? { id: 'ranking-level', label: t('indicators:common.level') }
            : part === 'period'
              ? { id: 'ranking-year', label: t('indicators:common.year') }
              : null;
    if (target && !found.some((item) => item.id === target.id)) found.push({ ...target, message: fieldErrorMessage(problem, t, locale) });
  }
  return found;
}

function weightLabel(code: string, labelOf: (code: string) => string, t: TFunction): string {
  return `${t('indicators:ranking.weight')} (${labelOf(code)})`;
}
