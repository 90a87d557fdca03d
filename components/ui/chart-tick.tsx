/**
 * A category-axis tick of a chart: the label in full when it fits, else cut
 * with "…" and the full text on hover (the table beside the chart has it too).
 * 12 px in slate-700: readable and AA contrast on white.
 */
export function ChartTick({ x, y, payload, maxChars, anchor = "end" }: { x?: number; y?: number; payload?: { value: string | number }; maxChars: number; anchor?: "end" | "middle" }) {
  const text = String(payload?.value ?? "");
  const shown = text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
  return (
    <text x={x} y={y} dy={anchor === "end" ? 4 : 14} textAnchor={anchor} fontSize={12} fill="#334155">
      <title>{text}</title>
      {shown}
    </text>
  );
}

/** Tick text of a value axis: the same size and colour as `ChartTick`. */
export const VALUE_TICK = { fontSize: 12, fill: "#334155" } as const;
