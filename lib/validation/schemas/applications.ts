import { z } from "@/lib/validation/zod";

export const createApplicationSchema = z.object({ productId: z.uuid() });
export const applicationIdSchema = z.object({ applicationId: z.uuid() });
export const submitApplicationSchema = z.object({
  applicationId: z.uuid(),
  verificationBodyId: z.uuid({ message: "applications.validation.chooseBody" }),
});

/** The API's submission body: the application comes from the path. */
export const submitApplicationBodySchema = submitApplicationSchema.omit({ applicationId: true });
