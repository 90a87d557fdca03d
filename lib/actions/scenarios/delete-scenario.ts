"use server";

import { createAction } from "@/lib/actions/validated-action";
import { deleteScenario } from "@/lib/domain/scenarios/delete-scenario";
import { scenarioIdSchema } from "@/lib/validation/schemas/scenarios";

/** Discards a scenario with its changes. */
export const deleteScenarioAction = createAction(deleteScenario, {
  schema: scenarioIdSchema,
  revalidate: (_input, data) => [`/enterprise/applications/${data.applicationId}/scenarios`],
});
