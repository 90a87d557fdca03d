import "server-only";
import type { Tx } from "@/db";
import { assertUserCan, type Actor } from "@/lib/policy";
import { queueSecurityNotice } from "./email-tokens";
import { loadMailRecipient } from "./mail-recipient";

type NewSignInInput = { address: string; now?: Date };

/**
 * Tells the user by email that their account was just signed in to, and from where, so a
 * sign-in they did not make does not go unnoticed. Called by the sign-in adapter as the user
 * who signed in; it records nothing else (the sign-in itself is the session's row).
 */
export async function noticeNewSignIn(tx: Tx, actor: Actor | null, input: NewSignInInput) {
  assertUserCan(actor, "account.manage");
  const loaded = await loadMailRecipient(tx, actor.id);
  if (!loaded) return { queued: false };
  await queueSecurityNotice(tx, loaded.recipient, "newSignIn", { address: input.address }, input.now);
  return { queued: true };
}
