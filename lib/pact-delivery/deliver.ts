import "server-only";
import { claimDueDeliveries, type ClaimedDelivery } from "@/lib/domain/pact-events/claim-due-deliveries";
import { partnerSecretContext } from "@/lib/domain/pact-partners/own-partner";
import { recordDeliveryOutcome } from "@/lib/domain/pact-events/record-delivery-outcome";
import { executeOperation } from "@/lib/domain/operation";
import { KeyEncryptionKeyError, openSecret } from "@/lib/keys/key-encryption";
import { systemActor } from "@/lib/policy";
import { DeliveryError, fetchAccessToken, postEvent, tokenEndpointOf, type PartnerTransport } from "@/lib/pact-client/partner-client";

const JOB = "pact-event-delivery";
/** Replies taken per round; a runner keeps taking rounds while some are due. */
const BATCH = 10;
/** Longer than one attempt can take (discovery, token and event, each with its timeout). */
const LEASE_SECONDS = 120;

async function attempt(delivery: ClaimedDelivery, transport: PartnerTransport): Promise<void> {
  let secret: string;
  try {
    secret = openSecret(delivery.partner.sealedClientSecret, partnerSecretContext(delivery.partner.id)).toString("utf8");
  } catch (error) {
    if (error instanceof KeyEncryptionKeyError) throw new DeliveryError("secret");
    throw error;
  }
  const endpoint = await tokenEndpointOf(delivery.partner.baseUrl, transport);
  const token = await fetchAccessToken(endpoint, delivery.partner.clientId, secret, transport);
  await postEvent(delivery.partner.baseUrl, token, delivery.event, transport);
}

/**
 * One delivery round: the replies that are due are claimed, sent to their partners (token, then
 * event) and each outcome recorded, as the platform (`systemActor`). Returns how many were tried.
 */
export async function deliverDuePactEvents(transport: PartnerTransport = {}): Promise<{ attempted: number; delivered: number }> {
  const actor = systemActor(JOB);
  const claimed = await executeOperation(claimDueDeliveries, actor, { limit: BATCH, leaseSeconds: LEASE_SECONDS });
  if (!claimed.ok) throw claimed.error;
  let delivered = 0;
  for (const delivery of claimed.data) {
    let error: string | undefined;
    try {
      await attempt(delivery, transport);
      delivered++;
    } catch (failure) {
      if (!(failure instanceof DeliveryError)) throw failure;
      error = failure.message;
    }
    const recorded = await executeOperation(recordDeliveryOutcome, actor, { deliveryId: delivery.id, attempt: delivery.attempt, delivered: error === undefined, error });
    if (!recorded.ok) throw recorded.error;
  }
  return { attempted: claimed.data.length, delivered };
}
