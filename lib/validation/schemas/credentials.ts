import { z, textInput } from "@/lib/validation/zod";

/** Rotating a body's signing key: the body, and why (kept in the audit trail). */
export const rotateSigningKeySchema = z.object({
  verificationBodyId: z.uuid(),
  reason: textInput().trim().min(1).max(2000),
});
export type RotateSigningKeyInput = z.output<typeof rotateSigningKeySchema>;
