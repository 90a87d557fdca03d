"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTick, VALUE_TICK } from "@/components/ui/chart-tick";

/**
 * A simple bar chart, its value axis labelled with `unit`. Decorative for
 * assistive technology — every chart on the dashboard sits next to a table
 * with the same numbers — so nothing in it takes focus.
 */
export function DashboardBarChart({ data, unit }: { data: ReadonlyArray<{ label: string; value: number }>; unit: string }) {
  return (
    <div aria-hidden="true" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...data]} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={<ChartTick maxChars={12} anchor="middle" />} interval={0} height={36} />
          <YAxis tick={VALUE_TICK} width={64} allowDecimals label={{ value: unit, angle: -90, position: "insideLeft", fontSize: 12, fill: "#334155" }} />
          <Tooltip />
          <Bar dataKey="value" fill="#15803d" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
