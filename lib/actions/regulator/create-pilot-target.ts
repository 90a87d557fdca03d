"use server";

import { createAction } from "@/lib/actions/validated-action";
import { createPilotTarget } from "@/lib/domain/targets/create-pilot-target";
import { pilotTargetSchema } from "@/lib/validation/schemas/regulator";

/** The bureau sets a pilot target for its own region. */
export const createPilotTargetAction = createAction(createPilotTarget, {
  schema: pilotTargetSchema,
  revalidate: () => ["/regulator"],
});
