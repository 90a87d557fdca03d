"use server";

import type { Challenge } from "altcha-lib";
import { createProofChallenge } from "@/lib/auth/proof-of-work";
import { requestClientAddress } from "@/lib/auth/request-source";
import { requiredProofLevel } from "@/lib/auth/throttle";
import type { ActionResult } from "@/lib/result";
import { challengeRequestSchema, type ChallengeRequest } from "@/lib/validation/schemas/auth";
import { zodFieldErrors } from "@/lib/validation/field-errors";

/**
 * A proof-of-work challenge for the form that asks: a sign-up, or a sign-in to an email whose
 * free attempts are used up (as hard as that email's failures require). Signed, nothing stored.
 */
export async function requestChallengeAction(input: ChallengeRequest): Promise<ActionResult<Challenge>> {
  const parsed = challengeRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "errors.validation", fieldErrors: zodFieldErrors(parsed.error) };
  const request = parsed.data;
  if (request.purpose === "sign-up") {
    return { ok: true, data: await createProofChallenge({ purpose: "sign-up", subject: "", level: 1 }) };
  }
  const level = await requiredProofLevel({ email: request.email, address: await requestClientAddress() });
  return { ok: true, data: await createProofChallenge({ purpose: "sign-in", subject: request.email, level }) };
}
