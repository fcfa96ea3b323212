import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import './charts.css';

export interface SeriesLine {
  key: string;
  label: string;
  colour: string;
  /** Dashes tell the lines apart without colour. */
  dash?: string;
}

interface TimeSeriesChartProps {
  /** One row per period: `{ period: 2020, value: 12.3, municipalityValue: … }`. */
  rows: readonly Record<string, number | null>[];
  lines: readonly SeriesLine[];
  /** Read out as the chart's name; the table beside the chart carries the numbers. */
  title: string;
  format: (value: number) => string;
}

/** A line chart of yearly figures as accessible SVG (keyboard-navigable tooltip, title for screen readers). */
export function TimeSeriesChart({ rows, lines, title, format }: TimeSeriesChartProps) {
  return (
    <figure className="wr-chart" aria-label={title}>
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={[...rows]} margin={{ top: 8, right: 24, bottom: 8, left: 8 }} accessibilityLayer title={title}>
          <CartesianGrid stroke="#d9d9d9" strokeDasharray="3 3" />
          <XAxis dataKey="period" tick={{ fill: '#1a1a1a' }} stroke="#4d4d4d" />
          <YAxis tickFormatter={(value: number) => format(value)} tick={{ fill: '#1a1a1a' }} stroke="#4d4d4d" width={104} />
          <Tooltip formatter={(value) => (typeof value === 'number' ? format(value) : '–')} />
          <Legend />
          {lines.map((line) => (
            <Line
              key={line.key}
              type="linear"
              dataKey={line.key}
              name={line.label}
              stroke={line.colour}
              strokeWidth={line.key === 'value' ? 3 : 2}
              strokeDasharray={line.dash}
              dot={{ r: 3 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
