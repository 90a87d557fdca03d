import "server-only";
import { revalidatePath, revalidateTag } from "next/cache";
import type { z } from "zod";
import { isConnectionError } from "@/db/availability";
import { publicCertificateTag } from "@/lib/dal/public-certificates";
import { banCertificatesAtFronts } from "@/lib/front-cache/ban";
import { getCurrentUser } from "@/lib/auth/current-user";
import { executeOperation, type Operation } from "@/lib/domain/operation";
import { OperationError } from "@/lib/errors";
import type { ActionResult } from "@/lib/result";
import { zodFieldErrors } from "@/lib/validation/field-errors";

type Options<Schema extends z.ZodType, Input, Output, Data> = {
  schema: Schema;
  /** What the browser gets back from the operation's result (default: all of it). */
  result?: (output: Output, input: Input) => Data;
  /** Paths to revalidate after the transaction commits. */
  revalidate?: (input: Input, data: Data) => string[];
  /**
   * Certificates whose public page and JSON the operation changed (their numbers): after the
   * transaction commits, their cache tag is expired and their answers are banned at the caching
   * fronts, so the next scan anywhere is fresh.
   */
  changedPublicCertificates?: (input: Input, data: Data) => string[];
};

/**
 * Work that must not run inside the transaction (e.g. slow password hashing),
 * done after parsing: it turns the parsed form into the operation's input. It
 * may refuse (an OperationError) like the operation itself.
 */
type Prepare<Schema extends z.ZodType, Input> = { prepare: (input: z.output<Schema>) => Promise<Input> };

function toPlainInput(raw: unknown): unknown {
  if (raw instanceof FormData) {
    const entries: Record<string, unknown> = {};
    for (const [key, value] of raw.entries()) {
      if (key.startsWith("$ACTION")) continue;
      entries[key] = key in entries ? ([] as unknown[]).concat(entries[key], value) : value;
    }
    return entries;
  }
  return raw;
}

/**
 * The one shape of a server action: a thin adapter over one domain operation.
 * Parse with the form's zod schema → the signed-in user (or null) → the
 * operation in one transaction (it authorizes itself) → revalidate → a typed
 * result whose messages are i18n keys.
 */
export function createAction<Schema extends z.ZodType, Output, Data = Output>(
  operation: Operation<z.output<Schema>, Output>,
  options: Options<Schema, z.output<Schema>, Output, Data>,
): (raw: z.input<Schema> | FormData) => Promise<ActionResult<Data>>;
export function createAction<Schema extends z.ZodType, Input, Output, Data = Output>(
  operation: Operation<Input, Output>,
  options: Options<Schema, Input, Output, Data> & Prepare<Schema, Input>,
): (raw: z.input<Schema> | FormData) => Promise<ActionResult<Data>>;
export function createAction<Schema extends z.ZodType, Input, Output, Data>(
  operation: Operation<Input, Output>,
  options: Options<Schema, Input, Output, Data> & Partial<Prepare<Schema, Input>>,
) {
  return async (raw: z.input<Schema> | FormData): Promise<ActionResult<Data>> => {
    const parsed = options.schema.safeParse(toPlainInput(raw));
    if (!parsed.success) {
      return { ok: false, message: "errors.validation", fieldErrors: zodFieldErrors(parsed.error) };
    }
    try {
      const actor = await getCurrentUser();
      // Without `prepare` the overloads make the parsed form the operation's input.
      const input = options.prepare ? await options.prepare(parsed.data) : (parsed.data as Input);
      const outcome = await executeOperation(operation, actor, input);
      if (!outcome.ok) {
        return { ok: false, message: outcome.error.message, fieldErrors: outcome.error.fieldErrors };
      }
      const data = options.result ? options.result(outcome.data, input) : (outcome.data as unknown as Data);
      for (const path of options.revalidate?.(input, data) ?? []) revalidatePath(path);
      const changedCertificates = options.changedPublicCertificates?.(input, data) ?? [];
      for (const number of changedCertificates) revalidateTag(publicCertificateTag(number), { expire: 0 });
      await banCertificatesAtFronts(changedCertificates);
      return { ok: true, data };
    } catch (error) {
      if (error instanceof OperationError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
      // The database went away during the save: the transaction is all or nothing; ask to retry.
      if (isConnectionError(error)) return { ok: false, message: "platform.databaseUnavailable" };
      console.error("[action] unexpected error:", error);
      return { ok: false, message: "errors.unexpected" };
    }
  };
}
