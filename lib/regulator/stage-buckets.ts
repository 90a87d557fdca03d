/** `month` of the all-time roll-up of stage durations: a dashboard without a period reads a few thousand rows, not every month's. */
export const ALL_MONTHS = "0001-01-01";
