import { z } from "@/lib/validation/zod";

/** How long an application may wait in one stage when its body has set no target of its own. */
export const DEFAULT_STAGE_TARGET_DAYS = 14;
/** The targets a body may set: a day at least, half a year at most (a longer wait is no target). */
export const STAGE_TARGET_MIN_DAYS = 1;
export const STAGE_TARGET_MAX_DAYS = 180;

/**
 * A verification body's stage target (days an application may wait in one stage before the
 * reminders job reminds whoever must act). Empty: the platform default.
 */
export const stageTargetSchema = z.object({
  // Typed text from the form, or the number the browser's parse made of it (the action parses again).
  stageTargetDays: z.preprocess(
    (value) => (typeof value === "string" ? value.trim() || null : value),
    z.coerce
      // Not a number: say so; a number out of bounds gets the shared min/max messages.
      .number({ error: (issue) => (issue.code === "invalid_type" ? "verifier.settings.wholeDays" : undefined) })
      .int({ message: "verifier.settings.wholeDays" })
      .min(STAGE_TARGET_MIN_DAYS)
      .max(STAGE_TARGET_MAX_DAYS)
      .nullable(),
  ),
});
export type StageTargetInput = z.output<typeof stageTargetSchema>;
