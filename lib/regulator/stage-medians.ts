import { parseDecimal } from "@/lib/calc/decimal";
import { LIFE_CYCLE_STAGES, type LifeCycleStage } from "@/lib/enums";

/**
 * One category and life-cycle stage as the dashboard query returns it: how many certificates
 * have the stage, and the two middle values of their per-unit emissions in order (the same value
 * twice when the count is odd). The query takes the lower middle with `percentile_disc(0.5)` over
 * the ascending order and the upper with the same over the descending order, exactly on `numeric`.
 */
export type StageMiddleRow = {
  categoryId: string;
  stage: LifeCycleStage;
  certificates: number;
  lowerMiddle: string;
  upperMiddle: string;
};

type StageMedian = { median: string; certificates: number };

/** One row of the dashboard's table: a category and, per life-cycle stage, the median (kg CO2e per declared unit) or null without data. */
type CategoryStageMedians = {
  categoryId: string;
  stages: Record<LifeCycleStage, StageMedian | null>;
};

/**
 * The median of a sorted list from its two middle values: their mean, in decimal arithmetic so
 * "0.1" and "0.2" give "0.15", never a binary-float neighbour.
 */
export function medianOfMiddles(lowerMiddle: string, upperMiddle: string): string {
  const lower = parseDecimal(lowerMiddle);
  const upper = parseDecimal(upperMiddle);
  if (!lower || !upper) throw new Error(`not a decimal: ${lowerMiddle} / ${upperMiddle}`);
  if (lower.gt(upper)) throw new Error(`lower middle ${lowerMiddle} is above upper middle ${upperMiddle}`);
  return lower.plus(upper).dividedBy(2).toFixed();
}

/**
 * Per-category medians per stage. Per-unit footprints of different products (a laptop per piece,
 * cement per tonne) cannot be added up, so the dashboard compares like with like: the typical
 * certified product of each category, stage by stage. Categories in id order.
 */
export function categoryStageMedians(rows: readonly StageMiddleRow[]): CategoryStageMedians[] {
  const byCategory = new Map<string, CategoryStageMedians>();
  for (const row of rows) {
    if (row.certificates <= 0) continue;
    let entry = byCategory.get(row.categoryId);
    if (!entry) {
      entry = { categoryId: row.categoryId, stages: Object.fromEntries(LIFE_CYCLE_STAGES.map((stage) => [stage, null])) as CategoryStageMedians["stages"] };
      byCategory.set(row.categoryId, entry);
    }
    entry.stages[row.stage] = { median: medianOfMiddles(row.lowerMiddle, row.upperMiddle), certificates: row.certificates };
  }
  return [...byCategory.values()].sort((a, b) => (a.categoryId < b.categoryId ? -1 : a.categoryId > b.categoryId ? 1 : 0));
}

