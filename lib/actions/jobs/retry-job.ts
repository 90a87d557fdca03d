"use server";

import { createAction } from "@/lib/actions/validated-action";
import { retryJob } from "@/lib/domain/jobs/retry-job";
import { jobReferenceSchema } from "@/lib/validation/schemas/jobs";

export const retryJobAction = createAction(retryJob, { schema: jobReferenceSchema, revalidate: () => ["/admin/jobs"] });
