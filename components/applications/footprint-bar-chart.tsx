"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTick, VALUE_TICK } from "@/components/ui/chart-tick";

/**
 * Horizontal bars (long stage and line names stay readable on a phone), the
 * value axis labelled with its unit. Hidden from assistive technology — the
 * same numbers are in the table next to it — so nothing in it takes focus.
 */
export function FootprintBarChart({ data, unit }: { data: ReadonlyArray<{ label: string; value: number }>; unit: string }) {
  const height = Math.max(140, data.length * 36 + 60);
  return (
    <div aria-hidden="true" className="w-full" style={{ height }} data-testid="footprint-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...data]} layout="vertical" margin={{ top: 4, right: 16, bottom: 24, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={VALUE_TICK} allowDecimals label={{ value: unit, position: "insideBottom", offset: -16, fontSize: 12, fill: "#334155" }} />
          <YAxis type="category" dataKey="label" tick={<ChartTick maxChars={22} />} width={170} />
          <Tooltip formatter={(value) => [`${value} ${unit}`, ""]} />
          <Bar dataKey="value" fill="#15803d" radius={[0, 3, 3, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
