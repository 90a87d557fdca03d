"use server";

import { createAction } from "@/lib/actions/validated-action";
import { removeScenarioChange } from "@/lib/domain/scenarios/remove-scenario-change";
import { scenarioChangeIdSchema } from "@/lib/validation/schemas/scenarios";

/** Takes one change out of a scenario. */
export const removeScenarioChangeAction = createAction(removeScenarioChange, {
  schema: scenarioChangeIdSchema,
  revalidate: (_input, data) => [`/enterprise/applications/${data.applicationId}/scenarios`],
});
