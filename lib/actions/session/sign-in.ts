"use server";

import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { users } from "@/db/schema";
import { signIn } from "@/lib/auth";
import { findUserAsActor } from "@/lib/auth/actor";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { homeOfAccount } from "@/lib/auth/role-home";
import type { ActionResult } from "@/lib/result";
import { safeCallbackPath } from "@/lib/validation/callback-url";
import { signInSchema, type SignInInput } from "@/lib/validation/schemas/auth";
import { zodFieldErrors } from "@/lib/validation/field-errors";
import { executeOperation } from "@/lib/domain/operation";
import { noticeNewSignIn } from "@/lib/domain/users/notice-new-sign-in";

/** The message that tells the form to solve a proof-of-work challenge and send the attempt again. */
const PROOF_REQUIRED = "security.signIn.proofRequired";

export async function signInAction(input: SignInInput): Promise<ActionResult<{ redirectTo: string }>> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, message: "errors.validation", fieldErrors: zodFieldErrors(parsed.error) };
  }
  const { email, password, callbackUrl, proof } = parsed.data;
  try {
    await signIn("credentials", { email, password, proof: proof ?? "", redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      const proofRequired = "code" in error && error.code === "proofRequired";
      return { ok: false, message: proofRequired ? PROOF_REQUIRED : "auth.errors.invalid" };
    }
    throw error;
  }
  await tellAboutSignIn(email);
  return { ok: true, data: { redirectTo: safeCallbackPath(callbackUrl) ?? (await homeOfAccount(email)) } };
}

/**
 * The "new sign-in" email, queued as the user who just signed in. A failure here is logged and
 * does not undo the sign-in: the session is open already.
 */
async function tellAboutSignIn(email: string): Promise<void> {
  try {
    const actor = await findUserAsActor(eq(users.email, email));
    if (!actor) return;
    const address = clientAddressFrom((await headers()).get("x-forwarded-for"));
    const outcome = await executeOperation(noticeNewSignIn, actor, { address });
    if (!outcome.ok) console.error("[mail] new sign-in notice refused:", outcome.error.message);
  } catch (error) {
    console.error("[mail] new sign-in notice failed:", error);
  }
}
