import type { Kysely } from 'kysely';
import { AppError, type Actor, type Database } from '../../../platform/server/index.js';
import { getAreaSeries, listIndicators } from '../../indicators/index.js';
import { findOperationalGoal, measurementDate, trajectoryValue, type OperationalGoal } from '../../programmes/index.js';
import { perOfUnit } from '../mkba/linked-benefit.js';

type Indicator = Awaited<ReturnType<typeof listIndicators>>[number];

/**
 * What a linked benefit reads of its goal, through the programmes and indicators modules: the goal with its
 * (current) baseline, target and trajectory, the indicator's good direction, and whether it is a rate or
 * share that needs a quantity. Used both when a benefit is linked (to refuse what cannot work, with a reason)
 * and when the MKBA is calculated (so a changed goal changes the MKBA).
 */
export type GoalProblem = 'unknown_goal' | 'goal_other_area' | 'goal_without_indicator' | 'goal_without_target' | 'goal_without_gain';

export interface UsableGoal {
  goal: OperationalGoal & { target: number };
  indicator: Indicator;
  direction: 1 | -1;
  /** A rate or share (anything not summed as a count) applies to a quantity. */
  needsQuantity: boolean;
  /** 100 for a percentage, 1000 for a rate per 1 000, else 1. */
  per: number;
  trajectory: (year: number) => number;
}

export class GoalReader {
  private catalogue: Promise<Map<string, Indicator>> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
  ) {}

  async indicators(): Promise<Map<string, Indicator>> {
    this.catalogue ??= listIndicators(this.db).then((items) => new Map(items.map((i) => [i.code, i])));
    return this.catalogue;
  }

  async read(goalId: string, areaCode: string): Promise<UsableGoal | GoalProblem> {
    const goal = await findOperationalGoal(this.db, this.actor, goalId);
    if (!goal) return 'unknown_goal';
    return this.use(goal, areaCode);
  }

  async use(goal: OperationalGoal, areaCode: string): Promise<UsableGoal | GoalProblem> {
    if (goal.area !== areaCode) return 'goal_other_area';
    const indicator = (await this.indicators()).get(goal.indicator);
    if (!indicator || goal.statusReason === 'indicator_or_area_unavailable') return 'goal_without_indicator';
    const target = goal.target;
    if (target === null) return 'goal_without_target';
    // The indicator's good direction; for a neutral indicator the goal itself says which way is wanted.
    const direction = indicator.polarity === 'higher_is_better' ? 1 : indicator.polarity === 'lower_is_better' ? -1 : Math.sign(target - goal.baseline);
    if (direction === 0) return 'goal_without_gain';
    const needsQuantity = indicator.aggregation !== 'sum';
    return {
      goal: { ...goal, target },
      indicator,
      direction: direction > 0 ? 1 : -1,
      needsQuantity,
      per: needsQuantity ? perOfUnit(goal.unit) : 1,
      trajectory: (year) => trajectoryValue(goal, target, measurementDate(year)),
    };
  }

  /** The newest figure of the indicator's weight (inhabitants, households…) in the area; null when there is none. */
  async areaQuantity(indicator: Indicator, areaCode: string): Promise<{ value: number; name: string; period: number } | null> {
    if (!indicator.weightIndicator) return null;
    const weight = (await this.indicators()).get(indicator.weightIndicator);
    try {
      const series = await getAreaSeries(this.db, this.actor, areaCode, indicator.weightIndicator);
      const newest = [...series.items].reverse().find((p) => p.value !== null && p.value > 0);
      return newest && newest.value !== null ? { value: newest.value, name: weight?.name ?? indicator.weightIndicator, period: newest.period } : null;
    } catch (error) {
      if (error instanceof AppError && error.status === 404) return null;
      throw error;
    }
  }
}

export const GOAL_PROBLEM_TEXT: Record<GoalProblem, string> = {
  unknown_goal: 'not a goal you can see',
  goal_other_area: "the goal is measured in another area than the MKBA's",
  goal_without_indicator: "the goal's indicator cannot be read",
  goal_without_target: 'the goal has no target value yet',
  goal_without_gain: 'the goal keeps the indicator where it is: there is no change to value',
};
