"use server";

import { eq } from "drizzle-orm";
import { AuthError } from "next-auth";
import { db } from "@/db";
import { users } from "@/db/schema";
import { signIn } from "@/lib/auth";
import { ROLE_HOME } from "@/lib/auth/permissions";
import type { ActionResult } from "@/lib/actions/result";
import { signInSchema, type SignInInput } from "@/lib/validation/schemas/auth";
import { zodFieldErrors } from "@/lib/validation/field-errors";

/** Only same-site paths: never an open redirect. */
function safeCallback(url: string | undefined): string | null {
  return url && url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\") ? url : null;
}

export async function signInAction(input: SignInInput): Promise<ActionResult<{ redirectTo: string }>> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, message: "errors.validation", fieldErrors: zodFieldErrors(parsed.error) };
  }
  const { email, password, callbackUrl } = parsed.data;
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      const locked = "code" in error && error.code === "locked";
      return { ok: false, message: locked ? "auth.errors.locked" : "auth.errors.invalid" };
    }
    throw error;
  }
  const [user] = await db.select({ role: users.role }).from(users).where(eq(users.email, email));
  return { ok: true, data: { redirectTo: safeCallback(callbackUrl) ?? ROLE_HOME[user.role] } };
}
