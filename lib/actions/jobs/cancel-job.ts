"use server";

import { createAction } from "@/lib/actions/validated-action";
import { cancelJob } from "@/lib/domain/jobs/cancel-job";
import { jobReferenceSchema } from "@/lib/validation/schemas/jobs";

export const cancelJobAction = createAction(cancelJob, { schema: jobReferenceSchema, revalidate: () => ["/admin/jobs"] });
