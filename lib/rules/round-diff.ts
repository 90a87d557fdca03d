/**
 * What changed between two submission rounds of an application: inventory
 * lines added, removed and edited (by line id), and the result before and
 * after. Pure: the verifier page renders it, unit tests pin it down.
 */
import { parseDecimal } from "@/lib/calc/decimal";
import { canonicalJson } from "@/lib/calc/snapshot";

export type SnapshotLine = {
  id: string;
  stage: string;
  description: string;
  quantity: string;
  unit: string;
  [field: string]: unknown;
};

type RoundSide = { lines: readonly SnapshotLine[]; result: string | null };

type EditedLine = { before: SnapshotLine; after: SnapshotLine; fields: string[] };

export type RoundDiff = {
  added: SnapshotLine[];
  removed: SnapshotLine[];
  edited: EditedLine[];
  unchangedCount: number;
  result: { before: string | null; after: string | null; changed: boolean };
};

/** Bookkeeping that is not the enterprise's data: ordering, timestamps, the body's own verification marks. */
const IGNORED_FIELDS = new Set(["id", "position", "createdAt", "updatedAt", "verification", "verifiedBy"]);

function isSnapshotLine(value: unknown): value is SnapshotLine {
  if (!value || typeof value !== "object") return false;
  const line = value as Record<string, unknown>;
  return typeof line.id === "string" && typeof line.stage === "string" && typeof line.description === "string";
}

/** The inventory lines of a stored submission snapshot (`{ lines: [...] }`), ignoring anything malformed. */
export function snapshotLines(snapshot: unknown): SnapshotLine[] {
  if (!snapshot || typeof snapshot !== "object") return [];
  const lines = (snapshot as { lines?: unknown }).lines;
  if (!Array.isArray(lines)) return [];
  return lines.filter(isSnapshotLine).map((line) => ({
    ...line,
    quantity: String(line.quantity ?? ""),
    unit: String(line.unit ?? ""),
  }));
}

function changedFields(before: SnapshotLine, after: SnapshotLine): string[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields]
    .filter((field) => !IGNORED_FIELDS.has(field))
    .filter((field) => canonicalJson(before[field]) !== canonicalJson(after[field]))
    .sort();
}

/** "12.50" and "12.5" are the same result. */
function sameDecimal(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  return x && y ? x.equals(y) : a === b;
}

export function diffRounds(previous: RoundSide, current: RoundSide): RoundDiff {
  const previousById = new Map(previous.lines.map((line) => [line.id, line]));
  const currentIds = new Set(current.lines.map((line) => line.id));
  const added: SnapshotLine[] = [];
  const edited: EditedLine[] = [];
  let unchangedCount = 0;
  for (const line of current.lines) {
    const before = previousById.get(line.id);
    if (!before) {
      added.push(line);
      continue;
    }
    const fields = changedFields(before, line);
    if (fields.length) edited.push({ before, after: line, fields });
    else unchangedCount += 1;
  }
  const removed = previous.lines.filter((line) => !currentIds.has(line.id));
  return {
    added,
    removed,
    edited,
    unchangedCount,
    result: { before: previous.result, after: current.result, changed: !sameDecimal(previous.result, current.result) },
  };
}
