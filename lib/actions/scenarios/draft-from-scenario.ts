"use server";

import { createAction } from "@/lib/actions/validated-action";
import { draftFromScenario } from "@/lib/domain/scenarios/draft-from-scenario";
import { scenarioIdSchema } from "@/lib/validation/schemas/scenarios";

/** Turns a scenario into a new draft application with the changed inventory. */
export const draftFromScenarioAction = createAction(draftFromScenario, {
  schema: scenarioIdSchema,
  revalidate: () => ["/enterprise"],
});
