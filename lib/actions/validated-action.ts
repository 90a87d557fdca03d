import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { db, type Tx } from "@/db";
import { can, type Permission } from "@/lib/auth/permissions";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { zodFieldErrors } from "@/lib/validation/field-errors";
import { ActionError } from "./errors";
import type { ActionResult } from "./result";

type Context<Input, User> = { user: User; input: Input; tx: Tx };

type Options<Schema extends z.ZodType, T, User> = {
  schema: Schema;
  /** Paths to revalidate after the transaction commits. */
  revalidate?: (input: z.output<Schema>, data: T) => string[];
  /** Runs inside one database transaction; throws ActionError to refuse. */
  run: (context: Context<z.output<Schema>, User>) => Promise<T>;
  /** Work that must not run inside the transaction (e.g. slow hashing), done first. */
  prepare?: (input: z.output<Schema>, user: User) => Promise<z.output<Schema>>;
};

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

async function execute<Schema extends z.ZodType, T, User>(
  user: User,
  raw: unknown,
  options: Options<Schema, T, User>,
): Promise<ActionResult<T>> {
  const parsed = options.schema.safeParse(toPlainInput(raw));
  if (!parsed.success) {
    return { ok: false, message: "errors.validation", fieldErrors: zodFieldErrors(parsed.error) };
  }
  try {
    const input = options.prepare ? await options.prepare(parsed.data, user) : parsed.data;
    const data = await db.transaction((tx) => options.run({ user, input, tx }));
    for (const path of options.revalidate?.(input, data) ?? []) revalidatePath(path);
    return { ok: true, data };
  } catch (error) {
    if (error instanceof ActionError) {
      return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    }
    console.error("[action] unexpected error:", error);
    return { ok: false, message: "errors.unexpected" };
  }
}

/**
 * Every signed-in server action: authenticate → zod parse → authorize by role
 * (the permission table) → transaction (where `run` checks the resource) →
 * revalidate → typed result.
 */
export function createAction<Schema extends z.ZodType, T>(
  permission: Permission,
  options: Options<Schema, T, CurrentUser>,
) {
  return async (raw: z.input<Schema> | FormData): Promise<ActionResult<T>> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, message: "errors.unauthenticated" };
    if (!can(user.role, permission)) return { ok: false, message: "errors.forbidden" };
    return execute(user, raw, options);
  };
}

/** Actions open to anonymous visitors (sign-up). */
export function createPublicAction<Schema extends z.ZodType, T>(
  options: Options<Schema, T, CurrentUser | null>,
) {
  return async (raw: z.input<Schema> | FormData): Promise<ActionResult<T>> => {
    const user = await getCurrentUser();
    return execute(user, raw, options);
  };
}
