import type { Kysely } from 'kysely';
import { AppError, type Actor, type Database } from '../../../platform/server/index.js';
import { findAreaForFigures } from '../../areas/index.js';
import { getAreaSeries, listIndicators } from '../../indicators/index.js';
import type { GoalMeasurement, OperationalGoal } from '../contract.js';
import { evaluateGoal, measurementDate } from './goal-status.js';
import type { GoalRow } from './goals.queries.js';

type Indicator = Awaited<ReturnType<typeof listIndicators>>[number];
type MunicipalitySource = OperationalGoal['municipalityValueSource'];

/**
 * Turns goal rows into goals with their status, reading the figures through the indicators module (which
 * aggregates focus areas from their members and, where the gemeente has no own figure, the municipality
 * from its buurten by the indicator's aggregation rule).
 */
export class GoalFigures {
  private catalogue: Promise<Map<string, Indicator>> | null = null;
  private areaNames = new Map<string, Promise<{ name: string; municipalityCode: string } | null>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
  ) {}

  private indicators(): Promise<Map<string, Indicator>> {
    this.catalogue ??= listIndicators(this.db).then((items) => new Map(items.map((i) => [i.code, i])));
    return this.catalogue;
  }

  area(code: string): Promise<{ name: string; municipalityCode: string } | null> {
    let found = this.areaNames.get(code);
    if (!found) {
      found = findAreaForFigures(this.db, this.actor, code).then(
        (a) => ({ name: a.name, municipalityCode: a.municipalityCode }),
        (error: unknown) => {
          if (error instanceof AppError && error.status === 404) return null;
          throw error;
        },
      );
      this.areaNames.set(code, found);
    }
    return found;
  }

  async indicator(code: string): Promise<Indicator | null> {
    return (await this.indicators()).get(code) ?? null;
  }

  /**
   * Every year the area has a value, with the municipality reference of that year as the area profile shows
   * it (the indicators module: the gemeente's own figure, else its buurten aggregated by the indicator's rule).
   * Told in the area's territory of the baseline year: when CBS re-divides it later, the later figures are
   * carried back onto that territory through the crosswalk, so baseline and trajectory stay comparable.
   */
  async measurements(areaCode: string, indicator: Indicator, baselineDate?: string): Promise<{ items: GoalMeasurement[]; sources: Map<number, MunicipalitySource> }> {
    const territoryYear = baselineDate ? Number(baselineDate.slice(0, 4)) : undefined;
    const series = await getAreaSeries(this.db, this.actor, areaCode, indicator.code, { territoryYear });
    const sources = new Map<number, MunicipalitySource>();
    const items: GoalMeasurement[] = [];
    for (const point of series.items) {
      sources.set(point.period, point.municipalitySource);
      items.push({ period: point.period, date: measurementDate(point.period), value: point.value, municipalityValue: point.municipalityValue });
    }
    return { items, sources };
  }

  async evaluate(row: GoalRow, withMeasurements: true): Promise<OperationalGoal & { measurements: GoalMeasurement[] }>;
  async evaluate(row: GoalRow, withMeasurements?: false): Promise<OperationalGoal>;
  async evaluate(row: GoalRow, withMeasurements = false): Promise<OperationalGoal & { measurements?: GoalMeasurement[] }> {
    const [indicator, area] = await Promise.all([this.indicator(row.indicator_code), this.area(row.area_code)]);
    const base = {
      id: row.id,
      programmeId: row.programme_id,
      strategicGoalId: row.strategic_goal_id,
      name: row.name,
      indicator: row.indicator_code,
      indicatorName: indicator?.name ?? row.indicator_code,
      unit: indicator?.unit ?? '',
      decimals: indicator?.decimals ?? 1,
      polarity: indicator?.polarity ?? ('neutral' as const),
      area: row.area_code,
      areaName: area?.name ?? row.area_code,
      baseline: row.baseline_value,
      baselineDate: row.baseline_date,
      targetKind: row.target_kind,
      targetDate: row.target_date,
      trajectory: 'linear' as const,
      isExample: row.is_example,
    };
    if (!indicator || !area) {
      return { ...base, target: row.target_value, status: 'no_data', statusReason: 'indicator_or_area_unavailable', latest: null, expected: null, shortfall: null, municipalityValueSource: null, ...(withMeasurements ? { measurements: [] } : {}) };
    }
    const { items: measurements, sources } = await this.measurements(row.area_code, indicator, row.baseline_date);
    const evaluation = evaluateGoal(
      { baseline: row.baseline_value, baselineDate: row.baseline_date, targetKind: row.target_kind, target: row.target_value, targetDate: row.target_date, polarity: indicator.polarity },
      measurements,
    );
    const referencePeriod = evaluation.latest?.period ?? [...measurements].reverse().find((m) => m.municipalityValue !== null)?.period;
    const municipalityValueSource = row.target_kind === 'municipality_average' && evaluation.target !== null && referencePeriod !== undefined ? (sources.get(referencePeriod) ?? null) : null;
    return {
      ...base,
      target: evaluation.target,
      status: evaluation.status,
      statusReason: evaluation.statusReason,
      latest: evaluation.latest,
      expected: evaluation.expected,
      shortfall: evaluation.shortfall,
      municipalityValueSource,
      ...(withMeasurements ? { measurements } : {}),
    };
  }
}
