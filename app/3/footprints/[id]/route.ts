import { getFootprint } from "@/lib/dal/pact/footprints";
import { PactError, pactJson, pactRoute } from "@/lib/http/pact";
import { translateMessage } from "@/lib/http/api/translate";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * PACT GetFootprint. A footprint that does not exist and one the client may not read get the same
 * 404, so a client cannot probe for other companies' footprint ids; a Deprecated one is served.
 */
export const GET = pactRoute<{ id: string }>(async ({ params, actor, locale }) => {
  const footprint = UUID.test(params.id) ? await getFootprint(actor, params.id.toLowerCase()) : null;
  if (!footprint) throw new PactError("NotFound", translateMessage(locale, "pact.errors.footprintNotFound"));
  return pactJson({ data: footprint });
});
