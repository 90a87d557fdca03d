"use server";

import { createAction } from "@/lib/actions/validated-action";
import { saveScenarioChange } from "@/lib/domain/scenarios/save-scenario-change";
import { scenarioChangeSchema } from "@/lib/validation/schemas/scenarios";

/** Adds (or replaces) one what-if change to a line of a scenario. */
export const saveScenarioChangeAction = createAction(saveScenarioChange, {
  schema: scenarioChangeSchema,
  revalidate: (_input, data) => [`/enterprise/applications/${data.applicationId}/scenarios`],
});
