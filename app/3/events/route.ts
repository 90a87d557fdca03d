import { footprintCredentialCheck } from "@/lib/dal/pact/footprint-credential";
import { executeOperation } from "@/lib/domain/operation";
import { receivePactEvent } from "@/lib/domain/pact-events/receive-pact-event";
import { PactError, pactErrorOf, pactRoute } from "@/lib/http/pact";
import { readBoundedText } from "@/lib/http/bounded-body";
import { translateMessage } from "@/lib/http/api/translate";
import { sendJob } from "@/lib/jobs";
import { parsePactEvent } from "@/lib/pact/events";
import { CLOUDEVENTS_MEDIA_TYPE } from "@/lib/pact/vocabulary";

export const dynamic = "force-dynamic";

/** An event is a few footprints at most. */
const MAX_EVENT_BYTES = 1024 * 1024;

/**
 * PACT Action Events: one CloudEvent in structured mode. A valid event is answered 200 with an
 * empty body at once; a footprint request's reply (fulfilled or rejected) follows asynchronously.
 */
export const POST = pactRoute(async ({ request, actor, baseUrl, locale }) => {
  const type = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (type !== CLOUDEVENTS_MEDIA_TYPE) throw new PactError("BadRequest", translateMessage(locale, "pact.errors.mediaType"));
  const text = await readBoundedText(request, MAX_EVENT_BYTES);
  if (text === null) throw new PactError("BadRequest", translateMessage(locale, "pact.errors.tooLarge"));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new PactError("BadRequest", translateMessage(locale, "pact.errors.malformedJson"));
  }
  const parsed = parsePactEvent(body);
  if (!parsed.ok) throw new PactError("BadRequest", parsed.reason);

  // The credentials a partner's footprints carry are checked before the transaction (keys and status lists are read).
  const credentials = [];
  if (parsed.event.kind === "requestFulfilled") for (const footprint of parsed.event.pfs) credentials.push(await footprintCredentialCheck(footprint));
  const outcome = await executeOperation(receivePactEvent, actor, { event: parsed.event, baseUrl, credentials });
  if (!outcome.ok) throw pactErrorOf(outcome.error, locale);
  // The reply goes out from the job system at once; one round waiting covers every reply queued meanwhile.
  if (outcome.data.deliveryId) {
    await sendJob("pact-event-delivery").catch((error: unknown) => console.error("[pact] could not queue the delivery job; the minutely run will send the reply:", error));
  }
  return new Response(null, { status: 200 });
});
