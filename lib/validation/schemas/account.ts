import { MAIL_PREFERENCES } from "@/lib/enums";
import { LOCALES } from "@/lib/i18n/config";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/validation/password-policy";
import { textInput, z } from "@/lib/validation/zod";

/** How the user wants notifications by email, and the language of every email they get. */
export const mailPreferencesSchema = z.object({
  mailPreference: z.enum(MAIL_PREFERENCES),
  locale: z.enum(LOCALES),
});

/** The emailed link's token (43 base64url characters for 256 bits; anything else cannot match). */
const linkToken = textInput().trim().min(1).max(200);

export const requestPasswordResetSchema = z.object({ email: z.string().trim().toLowerCase().pipe(z.email()) });

export const resetPasswordSchema = z
  .object({
    token: linkToken,
    newPassword: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
    confirmPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  })
  .superRefine((value, ctx) => {
    if (value.newPassword !== value.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "password.mismatch" });
  });

export const verifyEmailSchema = z.object({ token: linkToken });
