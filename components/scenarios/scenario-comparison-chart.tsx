"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const STAGE_COLORS = ["#15803d", "#0e7490", "#a16207", "#7c3aed", "#be123c"];

type ComparisonSeries = { key: string; label: string };

/**
 * One stacked bar per scenario (the current inventory first), a segment per life-cycle stage.
 * Hidden from assistive technology: the table beside it has the same figures.
 */
export function ScenarioComparisonChart({ rows, stages, unit }: { rows: ReadonlyArray<Record<string, string | number>>; stages: ComparisonSeries[]; unit: string }) {
  const height = Math.max(160, rows.length * 44 + 80);
  return (
    <div aria-hidden="true" className="w-full" style={{ height }} data-testid="scenario-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...rows]} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={{ fontSize: 11 }} allowDecimals />
          <YAxis type="category" dataKey="name" tick={{ fontSize: 11 }} width={150} />
          <Tooltip formatter={(value, name) => [`${value} ${unit}`, name]} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {stages.map((stage, index) => (
            <Bar key={stage.key} dataKey={stage.key} name={stage.label} stackId="stages" fill={STAGE_COLORS[index % STAGE_COLORS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
