/**
 * The one way each locale writes a date ("2026年12月1日", "Dec 1, 2026") and a
 * moment (with the time), on every page, in China time. Pages pass these to
 * next-intl's `format.dateTime`; nothing formats a date any other way.
 */
export const DATE_FORMAT = { dateStyle: "medium", timeZone: "Asia/Shanghai" } as const satisfies Intl.DateTimeFormatOptions;

export const DATE_TIME_FORMAT = { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" } as const satisfies Intl.DateTimeFormatOptions;

/** A calendar date stored as YYYY-MM-DD (a China date) as the instant it begins. */
export function calendarDate(value: string): Date {
  return new Date(`${value}T00:00:00+08:00`);
}
