"use server";

import { createAction } from "@/lib/actions/validated-action";
import { setStageTarget } from "@/lib/domain/organizations/set-stage-target";
import { stageTargetSchema } from "@/lib/validation/schemas/body-settings";

/** The body's own target for how long an application waits in one stage (empty: the platform default). */
export const setStageTargetAction = createAction(setStageTarget, {
  schema: stageTargetSchema,
  revalidate: () => ["/verifier/settings"],
});
