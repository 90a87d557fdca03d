import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, type OperationError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";
import { parseMessageKey } from "@/lib/i18n/translate";

/** The catalog text of a message key (`namespace.path?param=value`), or the key itself when unknown. */
export function translatedMessage(message: string, locale: Locale): string {
  const { key, params } = parseMessageKey(message);
  const text = key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), loadMessages(locale));
  if (typeof text !== "string") return key;
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => params[name] ?? placeholder);
}

function statusOf(error: OperationError): number {
  if (error instanceof UnauthenticatedError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  return 422;
}

/** A refused download as JSON: the message key for programs and its text for people, with a 4xx status. */
export function refusalResponse(error: OperationError, locale: Locale): Response {
  return Response.json(
    { error: error.message, message: translatedMessage(error.message, locale), ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) },
    { status: statusOf(error), headers: { "Cache-Control": "no-store" } },
  );
}
