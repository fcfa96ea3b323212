import type { Line, LinkedBenefit, MkbaDetail, MkbaSummary } from '../contract.js';
import type { LinkedBenefitRow } from './linked-benefits.queries.js';
import type { AlternativeRow, LineRow, MeasureRow, MkbaRow } from './mkba.queries.js';

/** Rows to API shapes. The rate is stored in hundredths of a percent and shown in percent. */

export function toSummary(row: MkbaRow, areaName: string, alternativeCount: number): MkbaSummary {
  return {
    id: row.id,
    areaCode: row.area_code,
    areaName,
    municipalityCode: row.municipality_code,
    name: row.name,
    baseYear: row.base_year,
    horizonYears: row.horizon_years,
    discountRate: row.discount_rate_bp / 100,
    isDemo: row.is_demo,
    alternativeCount,
  };
}

export function toLine(row: LineRow): Line {
  return {
    id: row.id,
    measureId: row.measure_id,
    kind: row.kind as Line['kind'],
    actor: row.actor as Line['actor'],
    year: row.year,
    amountCents: row.amount_cents === null ? null : Number(row.amount_cents),
    description: row.description,
  };
}

export function toLinkedBenefit(row: LinkedBenefitRow): LinkedBenefit {
  const quantity: LinkedBenefit['quantity'] =
    row.quantity_kind === 'entered' ? { kind: 'entered', value: row.quantity_value ?? 0, source: row.quantity_source ?? '' } : row.quantity_kind === 'area_figure' ? { kind: 'area_figure' } : { kind: 'none' };
  return {
    id: row.id,
    measureId: row.measure_id,
    goalId: row.goal_id,
    actor: row.actor as LinkedBenefit['actor'],
    unitValueCents: Number(row.unit_value_cents),
    unitValueSource: row.unit_value_source,
    quantity,
    description: row.description,
  };
}

export function toDetail(row: MkbaRow, areaName: string, alternatives: AlternativeRow[], measures: MeasureRow[], lines: LineRow[], linked: LinkedBenefitRow[]): MkbaDetail {
  const { alternativeCount: _count, ...summary } = toSummary(row, areaName, alternatives.length);
  return {
    ...summary,
    nullAlternative: row.null_alternative,
    rateJustification: row.rate_justification,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    alternatives: alternatives.map((a) => ({
      id: a.id,
      name: a.name,
      description: a.description,
      measures: measures.filter((m) => m.alternative_id === a.id).map((m) => ({ id: m.id, name: m.name, description: m.description })),
      lines: lines.filter((l) => l.alternative_id === a.id).map(toLine),
      linkedBenefits: linked.filter((l) => l.alternative_id === a.id).map(toLinkedBenefit),
    })),
  };
}
