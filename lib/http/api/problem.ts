import "server-only";
import { ConflictError, ForbiddenError, NotFoundError, OperationError, RateLimitedError, UnauthenticatedError } from "@/lib/errors";
import { ImportRowsError } from "@/lib/domain/inventory/import-lines";
import type { Locale } from "@/lib/i18n/config";
import { MAX_REPORTED_ERRORS } from "@/lib/import/inventory-columns";
import type { Problem } from "@/lib/validation/schemas/api";
import { translateMessage } from "./translate";

/** Every kind of problem the API answers with, and its status. The slug names its `type` URI. */
const PROBLEM_STATUS = {
  "bad-request": 400,
  unauthorized: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  "idempotency-in-progress": 409,
  "payload-too-large": 413,
  "unsupported-media-type": 415,
  validation: 422,
  unprocessable: 422,
  "idempotency-key-reused": 422,
  "rate-limited": 429,
  "server-error": 500,
  "service-unavailable": 503,
} as const;

type ProblemKind = keyof typeof PROBLEM_STATUS;
export const PROBLEM_KINDS = Object.keys(PROBLEM_STATUS) as ProblemKind[];

/** One field's error: `field` is the body path (a.b) or the query parameter; `message` an i18n key. */
type FieldProblem = { field: string; message: string; in: "body" | "query"; row?: number };

/** A refusal raised by the HTTP layer itself (bad JSON, unknown cursor, wrong media type…). */
export class ApiProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly messageKey: string = `api.problems.${kind}.detail`,
    readonly fieldProblems: FieldProblem[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(messageKey);
    this.name = "ApiProblem";
  }
}

export function fieldProblemsOf(fieldErrors: Record<string, string[]>, where: "body" | "query"): FieldProblem[] {
  return Object.entries(fieldErrors).flatMap(([field, messages]) => messages.map((message) => ({ field, message, in: where })));
}

/** The HTTP answer to an operation's refusal: the same message key, and its field errors, as problem details. */
export function problemFromOperationError(error: OperationError): ApiProblem {
  if (error instanceof ImportRowsError) {
    const rows = error.errors.map((row) => ({ field: row.column ?? "file", message: row.message, in: "body" as const, row: row.row }));
    return new ApiProblem("validation", error.message, rows);
  }
  if (error instanceof RateLimitedError) return new ApiProblem("rate-limited", error.message, [], { "retry-after": String(error.retryAfterSeconds) });
  if (error instanceof UnauthenticatedError) return new ApiProblem("unauthorized", error.message);
  if (error instanceof ForbiddenError) return new ApiProblem("forbidden", error.message);
  if (error instanceof NotFoundError) return new ApiProblem("not-found", error.message);
  if (error instanceof ConflictError) return new ApiProblem("conflict", error.message);
  if (error.fieldErrors) return new ApiProblem("validation", error.message, fieldProblemsOf(error.fieldErrors, "body"));
  return new ApiProblem("unprocessable", error.message);
}

/** The `type` of a problem: a section of the developer guide, so people can look it up. */
function problemType(baseUrl: string, kind: ProblemKind): string {
  return `${baseUrl}/developers#problem-${kind}`;
}

/** RFC 9457 problem details, in the request's language; `code` stays the same in every language. */
export function problemResponse(problem: ApiProblem, context: { locale: Locale; baseUrl: string; instance: string }, headers: Record<string, string> = {}): Response {
  const status = PROBLEM_STATUS[problem.kind];
  const body: Problem = {
    type: problemType(context.baseUrl, problem.kind),
    title: translateMessage(context.locale, `api.problems.${problem.kind}.title`),
    status,
    detail: translateMessage(context.locale, problem.messageKey),
    instance: context.instance,
    code: problem.messageKey.split("?")[0],
  };
  if (problem.fieldProblems.length) {
    // A file of thousands of bad rows lists its first errors and counts them all.
    body.errorCount = problem.fieldProblems.length;
    body.errors = problem.fieldProblems.slice(0, MAX_REPORTED_ERRORS).map((entry) => ({
      ...(entry.in === "body" ? { pointer: `/${entry.field.split(".").join("/")}` } : { parameter: entry.field }),
      field: entry.field,
      ...(entry.row !== undefined ? { row: entry.row } : {}),
      code: entry.message.split("?")[0],
      detail: translateMessage(context.locale, entry.message),
    }));
  }
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", "content-language": context.locale, ...problem.headers, ...headers },
  });
}
