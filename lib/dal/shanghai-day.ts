import "server-only";
import { sql, type SQL } from "drizzle-orm";

/**
 * Midnight in Asia/Shanghai at the start of a calendar day, as a timestamptz:
 * period filters cut on the pilot's legal calendar, whatever the database
 * session's time zone.
 */
export const shanghaiDayStart = (day: SQL) => sql`((${day})::timestamp at time zone 'Asia/Shanghai')`;
