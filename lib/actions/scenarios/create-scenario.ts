"use server";

import { createAction } from "@/lib/actions/validated-action";
import { createScenario } from "@/lib/domain/scenarios/create-scenario";
import { createScenarioSchema } from "@/lib/validation/schemas/scenarios";

/** Starts a named what-if scenario on a calculated application. */
export const createScenarioAction = createAction(createScenario, {
  schema: createScenarioSchema,
  revalidate: (input) => [`/enterprise/applications/${input.applicationId}/scenarios`],
});
