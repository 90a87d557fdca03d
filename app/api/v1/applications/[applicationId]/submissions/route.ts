import { submitApplication } from "@/lib/domain/applications/submit-application";
import { getApiApplication } from "@/lib/dal/api/applications";
import { apiJson, apiRoute, found, pathParams, perform, readJsonBody } from "@/lib/http/api/route";
import { applicationIdSchema, submitApplicationBodySchema } from "@/lib/validation/schemas/applications";

export const dynamic = "force-dynamic";

/** Submits the application to the chosen verification body (认证委托); the inventory is then frozen. */
export const POST = apiRoute<{ applicationId: string }>(async ({ request, actor, params }) => {
  const { applicationId } = pathParams(applicationIdSchema, params);
  const body = await readJsonBody(request, submitApplicationBodySchema);
  await perform(submitApplication, actor, { ...body, applicationId });
  return apiJson(found(await getApiApplication(actor, applicationId)), { status: 201 });
});
