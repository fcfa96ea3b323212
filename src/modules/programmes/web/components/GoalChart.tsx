import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { GoalDetail } from '../../contract';
import { formatValue } from '../format';

const yearOf = (iso: string): number => {
  const start = Date.UTC(Number(iso.slice(0, 4)), 0, 1);
  const end = Date.UTC(Number(iso.slice(0, 4)) + 1, 0, 1);
  return Number(iso.slice(0, 4)) + (Date.parse(`${iso}T00:00:00Z`) - start) / (end - start);
};

interface ChartRow {
  year: number;
  actual?: number | null;
  trajectory?: number | null;
  municipality?: number | null;
}

/** Rows on a shared time axis (fractional years): measurements, the trajectory's two ends, the municipality. */
export function goalChartRows(goal: GoalDetail): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  const row = (year: number) => {
    let found = rows.get(year);
    if (!found) rows.set(year, (found = { year }));
    return found;
  };
  for (const m of goal.measurements) {
    const r = row(yearOf(m.date));
    r.actual = m.value;
    if (goal.targetKind === 'municipality_average') r.municipality = m.municipalityValue;
  }
  row(yearOf(goal.baselineDate)).trajectory = goal.baseline;
  if (goal.target !== null) row(yearOf(goal.targetDate)).trajectory = goal.target;
  return [...rows.values()].sort((a, b) => a.year - b.year);
}

/** Whole years on the axis: every year over a short span, every 2nd or 5th over a long one. */
export function yearTicks(years: readonly number[]): number[] {
  if (years.length === 0) return [];
  const first = Math.ceil(Math.min(...years));
  const last = Math.floor(Math.max(...years));
  const span = last - first;
  const step = span <= 12 ? 1 : span <= 24 ? 2 : 5;
  const ticks = [];
  for (let year = first; year <= last; year += step) ticks.push(year);
  return ticks;
}

/** Actual values against the trajectory from baseline to target, with the municipality for an average target. */
export function GoalChart({ goal }: { goal: GoalDetail }) {
  const { t, i18n } = useTranslation();
  const format = (value: number) => formatValue(value, goal.decimals, goal.unit, i18n.language);
  const rows = goalChartRows(goal);
  const title = t('programmes:goal.chartTitle', { indicator: goal.indicatorName, area: goal.areaName });
  const ticks = yearTicks(rows.map((r) => r.year));
  return (
    <figure className="wr-chart wr-goal-chart" aria-label={title}>
      <ResponsiveContainer width="100%" height={320}>
        <LineChart data={rows} margin={{ top: 8, right: 24, bottom: 8, left: 8 }} accessibilityLayer title={title}>
          <CartesianGrid stroke="#d9d9d9" strokeDasharray="3 3" />
          <XAxis dataKey="year" type="number" domain={['dataMin', 'dataMax']} ticks={ticks} tickFormatter={(year: number) => String(Math.floor(year))} allowDecimals={false} tick={{ fill: '#1a1a1a' }} stroke="#4d4d4d" />
          <YAxis tickFormatter={(value: number) => format(value)} tick={{ fill: '#1a1a1a' }} stroke="#4d4d4d" width={104} domain={['auto', 'auto']} />
          <Tooltip labelFormatter={(year) => String(Math.floor(Number(year)))} formatter={(value) => (typeof value === 'number' ? format(value) : '–')} />
          <Legend />
          <Line type="linear" dataKey="trajectory" name={t('programmes:goal.trajectory')} stroke="#4d4d4d" strokeWidth={2} strokeDasharray="8 4" dot={{ r: 4 }} connectNulls isAnimationActive={false} />
          <Line type="linear" dataKey="actual" name={t('programmes:goal.actual')} stroke="#01689b" strokeWidth={3} dot={{ r: 5 }} connectNulls isAnimationActive={false} />
          {goal.targetKind === 'municipality_average' ? (
            <Line type="linear" dataKey="municipality" name={t('programmes:goal.municipality')} stroke="#a6561b" strokeWidth={2} strokeDasharray="2 3" dot={{ r: 3 }} connectNulls isAnimationActive={false} />
          ) : null}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

