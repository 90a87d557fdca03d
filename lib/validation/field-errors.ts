import type { z } from "zod";
import type { FieldErrors } from "@/lib/result";

/** zod issues → { "path.to.field": ["validation.key?param=…"] } */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_form";
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}
