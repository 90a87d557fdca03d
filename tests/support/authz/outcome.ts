/**
 * What one probe got back, whatever door it knocked on: a server action's
 * result, a route's HTTP response, a domain operation's outcome, or a read.
 */
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { executeOperation, type Operation } from "@/lib/domain/operation";
import { OperationError } from "@/lib/errors";
import type { Actor } from "@/lib/policy";
import type { ActionResult } from "@/lib/result";

export type Outcome = {
  ok: boolean;
  /** The refusal's message key or HTTP status, for the failure report. */
  detail: string;
  /** A refusal that is really a crash (HTTP 5xx, "errors.unexpected") is never an acceptable "no". */
  crashed: boolean;
};

/** A refusal's message key, and the field errors it names ("errors.validation region=factors.errors.otherRegion"). */
function refusalDetail(message: string, fieldErrors: Record<string, string[]> | undefined): string {
  const fields = Object.entries(fieldErrors ?? {}).map(([field, messages]) => `${field}=${messages.join("|")}`);
  return [message, ...fields].join(" ");
}

export function fromAction(result: ActionResult<unknown>): Outcome {
  return { ok: result.ok, detail: result.ok ? "ok" : refusalDetail(result.message, result.fieldErrors), crashed: !result.ok && result.message === "errors.unexpected" };
}

export function fromResponse(response: Response): Outcome {
  return { ok: response.ok, detail: `HTTP ${response.status}`, crashed: response.status >= 500 };
}

/** A domain operation run as `actor` in its own transaction, as a route handler or a job runs it. */
export async function fromOperation<Input>(operation: Operation<Input, unknown>, actor: Actor | null, input: Input): Promise<Outcome> {
  const outcome = await executeOperation(operation, actor, input);
  return outcome.ok ? { ok: true, detail: "ok", crashed: false } : { ok: false, detail: refusalDetail(outcome.error.message, outcome.error.fieldErrors), crashed: false };
}

/**
 * A read as its page makes it: nobody signed in never gets past the page's
 * sign-in redirect; a refusal is a thrown OperationError or nothing found.
 */
export async function fromRead(read: (user: CurrentUser) => Promise<unknown>): Promise<Outcome> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, detail: "errors.unauthenticated", crashed: false };
  try {
    const value = await read(user);
    return value === null || value === undefined ? { ok: false, detail: "not found", crashed: false } : { ok: true, detail: "ok", crashed: false };
  } catch (error) {
    if (error instanceof OperationError) return { ok: false, detail: error.message, crashed: false };
    throw error;
  }
}
