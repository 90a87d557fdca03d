import "server-only";
import { db, type Tx } from "@/db";
import { OperationError } from "@/lib/errors";
import { sendJobsAfterCommit } from "@/lib/jobs";
import { mailQueued, queuedMailIn } from "@/lib/notifications/outbox";
import type { Actor } from "@/lib/policy";

/**
 * A business operation: one file under lib/domain/<entity>/<verb>.ts taking
 * (tx, actor, input). It asserts its own permission (role from the permission
 * table, the resource's scope and state through lib/policy), checks the state
 * inside the transaction, writes the change and its audit event. `actor` is
 * null for an anonymous caller: the operation refuses it (or, for sign-up,
 * allows it) itself.
 */
export type Operation<Input, Output> = (tx: Tx, actor: Actor | null, input: Input) => Promise<Output>;

type OperationOutcome<Output> = { ok: true; data: Output } | { ok: false; error: OperationError };

/**
 * Runs one operation in its own transaction: the change and its audit event
 * commit together or not at all. A refusal (OperationError) comes back as a
 * value; anything else is a bug and propagates to the adapter, which logs it.
 */
export async function executeOperation<Input, Output>(
  operation: Operation<Input, Output>,
  actor: Actor | null,
  input: Input,
): Promise<OperationOutcome<Output>> {
  try {
    let used: Tx | undefined;
    const data = await db.transaction((tx) => {
      used = tx;
      return operation(tx, actor, input);
    });
    // Mail the operation queued exists now that it committed: wake the sender (lib/mail/runner.ts).
    if (used && queuedMailIn(used)) mailQueued();
    // Jobs the operation asked for (sendJobAfterCommit) may now see what it wrote.
    if (used) await sendJobsAfterCommit(used);
    return { ok: true, data };
  } catch (error) {
    if (error instanceof OperationError) return { ok: false, error };
    throw error;
  }
}
