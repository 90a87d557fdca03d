"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * Horizontal bars (long stage and line names stay readable on a phone).
 * Hidden from assistive technology: the same numbers are in the table next to it.
 */
export function FootprintBarChart({ data, unit }: { data: ReadonlyArray<{ label: string; value: number }>; unit: string }) {
  const height = Math.max(120, data.length * 36 + 40);
  return (
    <div aria-hidden="true" className="w-full" style={{ height }} data-testid="footprint-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...data]} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={{ fontSize: 11 }} allowDecimals />
          <YAxis type="category" dataKey="label" tick={{ fontSize: 11 }} width={140} />
          <Tooltip formatter={(value) => [`${value} ${unit}`, ""]} />
          <Bar dataKey="value" fill="#15803d" radius={[0, 3, 3, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
