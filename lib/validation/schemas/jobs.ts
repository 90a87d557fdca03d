import { z } from "zod";

/** A job on the admin's jobs page: its queue and id (the operation checks the queue exists). */
export const jobReferenceSchema = z.object({
  queue: z.string().trim().min(1).max(100),
  jobId: z.uuid({ message: "validation.invalid" }),
});
export type JobReference = z.infer<typeof jobReferenceSchema>;
