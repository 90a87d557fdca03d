import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import type { z } from "zod";

/**
 * Offline strength check (zxcvbn-ts with its common-password and keyboard dictionaries), on top
 * of the length rule: score 3 = about 10^8 guesses, out of reach of online guessing behind the
 * sign-in throttle and slow against a stolen Argon2id hash. Server side only — the dictionaries
 * are 1.3 MB and stay out of the browser; the form shows the reason the server returns.
 */
const MINIMUM_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | null = null;

/** zxcvbn's warnings and suggestions have a message each in the `password` namespace. */
const KNOWN_WARNINGS = new Set([
  "straightRow",
  "keyPattern",
  "simpleRepeat",
  "extendedRepeat",
  "sequences",
  "recentYears",
  "dates",
  "topTen",
  "topHundred",
  "common",
  "similarToCommon",
  "wordByItself",
  "namesByThemselves",
  "commonNames",
  "userInputs",
]);

/**
 * The message key explaining why `password` is too weak, or null when it is strong enough.
 * `userInputs` (the email, names) count as known words: a password built from them is weak.
 */
export function passwordWeakness(password: string, userInputs: readonly string[] = []): string | null {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  const inputs = userInputs.flatMap((input) => [input, ...input.split(/[@.\s_-]+/)]).filter((input) => input.length >= 3);
  const result = estimator.check(password, inputs);
  if (result.score >= MINIMUM_PASSWORD_SCORE) return null;
  const warning = result.feedback.warning;
  return warning && KNOWN_WARNINGS.has(warning) ? `password.warnings.${warning}` : "password.weak";
}

/**
 * The same schema, also refusing a weak password in `field` (the error lands next to it).
 * For server actions only: it pulls the dictionaries in.
 */
export function withStrongPassword<Schema extends z.ZodType<Record<string, unknown>>>(
  schema: Schema,
  field: string,
  userInputs: (value: z.output<Schema>) => Array<string | null | undefined>,
): Schema {
  return schema.superRefine((value, ctx) => {
    const password = value[field];
    if (typeof password !== "string" || !password) return;
    const weakness = passwordWeakness(password, userInputs(value).filter((input): input is string => !!input));
    if (weakness) ctx.addIssue({ code: "custom", path: [field], message: weakness });
  }) as unknown as Schema;
}
