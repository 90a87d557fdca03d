import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/validation/password-policy";
import { z, textInput } from "@/lib/validation/zod";

/** A solved proof-of-work challenge (base64 ALTCHA payload), checked on the server. */
export const proofField = textInput().max(4_000).optional();

export const signInSchema = z.object({
  email: textInput().trim().toLowerCase().pipe(z.email()),
  password: textInput().min(1).max(PASSWORD_MAX_LENGTH),
  callbackUrl: textInput().optional(),
  proof: proofField,
});
export type SignInInput = z.input<typeof signInSchema>;

export const challengeRequestSchema = z.discriminatedUnion("purpose", [
  z.object({ purpose: z.literal("sign-in"), email: textInput().trim().toLowerCase().pipe(z.email()) }),
  z.object({ purpose: z.literal("sign-up") }),
]);
export type ChallengeRequest = z.input<typeof challengeRequestSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: textInput().min(1).max(PASSWORD_MAX_LENGTH),
    newPassword: textInput().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
    confirmPassword: textInput().min(1).max(PASSWORD_MAX_LENGTH),
  })
  .superRefine((value, ctx) => {
    if (value.newPassword !== value.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "password.mismatch" });
    }
    if (value.newPassword && value.newPassword === value.currentPassword) {
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: "password.unchanged" });
    }
  });

/** Empty input: the action acts on the signed-in user. */
export const noInputSchema = z.object({});
