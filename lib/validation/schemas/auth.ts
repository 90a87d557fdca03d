import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";
import { z } from "@/lib/validation/zod";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  callbackUrl: z.string().optional(),
});
export type SignInInput = z.input<typeof signInSchema>;
