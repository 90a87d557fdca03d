import { calculateApplication } from "@/lib/domain/applications/calculate-application";
import { apiJson, apiRoute, pathParams, perform } from "@/lib/http/api/route";
import { applicationIdSchema } from "@/lib/validation/schemas/applications";

export const dynamic = "force-dynamic";

/** Calculates the footprint of the current inventory (stored as the application's latest result). */
export const POST = apiRoute<{ applicationId: string }>(async ({ actor, params }) => {
  const target = pathParams(applicationIdSchema, params);
  const calculation = await perform(calculateApplication, actor, target);
  return apiJson(calculation, { status: 201 });
});
