/**
 * The footprint filter of PACT 3.0 ListFootprints and RequestCreatedEvent: within one criterion
 * the values are alternatives (OR), different criteria must all hold (AND). A value that is
 * malformed or names nothing we publish simply matches nothing — a filter never makes a request
 * invalid, so `status=Bogus` lists no footprints rather than failing.
 */
import type { FootprintStatus } from "./footprint";

export type FootprintFilter = {
  /** Lower-cased: PACT matches identifiers case-insensitively. */
  productIds?: string[];
  companyIds?: string[];
  geographies?: string[];
  classifications?: string[];
  /** Valid at this instant: validity start ≤ t ≤ validity end. */
  validOn?: Date[];
  /** Validity starts after t. */
  validAfter?: Date[];
  /** Validity ends before t. */
  validBefore?: Date[];
  statuses?: FootprintStatus[];
  /** A criterion was given but none of its values can match anything. */
  matchesNothing: boolean;
};

/** The criteria by their PACT names; query parameter names are matched without regard to case. */
export const FILTER_CRITERIA = ["productId", "companyId", "geography", "classification", "validOn", "validAfter", "validBefore", "status"] as const;
export type FilterCriterion = (typeof FILTER_CRITERIA)[number];

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * An ISO 8601 date or date-time that names a real instant (no 30 February, no hour 25), else
 * null. A "+" of a UTC offset sent unencoded in a query string arrives as a space: it is read back.
 */
export function parseInstant(raw: string): Date | null {
  const value = raw.trim().replace(/(T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?) (\d{2}:?\d{2})$/, "$1+$2");
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return null;
  const [, year, month, day, hour = "0", minute = "0", second = "0", zone] = match;
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > daysInMonth) return null;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  // A time without a zone is read as UTC, like a bare date.
  const instant = new Date(match[4] !== undefined && !zone ? `${value}Z` : value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

const STATUS_BY_NAME: Record<string, FootprintStatus> = { active: "Active", deprecated: "Deprecated" };

function distinct<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * Builds the filter from each criterion's values (any criterion absent or empty is no
 * restriction). Values that cannot match are dropped; a criterion left with none matches nothing.
 */
export function buildFilter(values: Partial<Record<FilterCriterion, readonly string[]>>): FootprintFilter {
  const filter: FootprintFilter = { matchesNothing: false };
  const given = (criterion: FilterCriterion) => (values[criterion] ?? []).filter((value) => value.trim() !== "");

  const identifiers = (criterion: FilterCriterion) => {
    const list = given(criterion);
    return list.length > 0 ? distinct(list.map((value) => value.trim().toLowerCase())) : undefined;
  };
  filter.productIds = identifiers("productId");
  filter.companyIds = identifiers("companyId");
  filter.geographies = identifiers("geography");
  filter.classifications = identifiers("classification");

  for (const criterion of ["validOn", "validAfter", "validBefore"] as const) {
    const list = given(criterion);
    if (list.length === 0) continue;
    const instants = list.map(parseInstant).filter((instant): instant is Date => instant !== null);
    if (instants.length === 0) filter.matchesNothing = true;
    filter[criterion] = instants;
  }

  const statuses = given("status");
  if (statuses.length > 0) {
    const known = distinct(statuses.flatMap((value) => STATUS_BY_NAME[value.trim().toLowerCase()] ?? []));
    if (known.length === 0) filter.matchesNothing = true;
    filter.statuses = known;
  }
  return filter;
}

/** The filter of a ListFootprints query string: repeated parameters are the OR of their values. */
export function filterFromQuery(query: URLSearchParams): FootprintFilter {
  const byName = new Map(FILTER_CRITERIA.map((criterion) => [criterion.toLowerCase(), criterion] as const));
  const values: Partial<Record<FilterCriterion, string[]>> = {};
  for (const [name, value] of query) {
    const criterion = byName.get(name.toLowerCase());
    if (criterion) (values[criterion] ??= []).push(value);
  }
  return buildFilter(values);
}

/** Whether any criterion restricts the list at all (a RequestCreatedEvent must name one). */
export function hasCriteria(filter: FootprintFilter): boolean {
  return (
    filter.matchesNothing ||
    [filter.productIds, filter.companyIds, filter.geographies, filter.classifications, filter.validOn, filter.validAfter, filter.validBefore, filter.statuses].some(
      (criterion) => criterion !== undefined,
    )
  );
}
