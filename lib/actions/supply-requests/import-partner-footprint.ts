"use server";

import { createAction } from "@/lib/actions/validated-action";
import { getCurrentUser } from "@/lib/auth/current-user";
import { footprintCredentialCheck } from "@/lib/dal/pact/footprint-credential";
import { partnerImportTarget } from "@/lib/dal/pact/partner-import-target";
import { partnerSecretContext } from "@/lib/domain/pact-partners/own-partner";
import { importPartnerFootprint } from "@/lib/domain/supply-requests/import-partner-footprint";
import { NotFoundError, OperationError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/translate";
import { KeyEncryptionKeyError, openSecret } from "@/lib/keys/key-encryption";
import { DeliveryError, fetchAccessToken, getFootprint, ResponseTooLargeError, tokenEndpointOf } from "@/lib/pact-client/partner-client";
import { partnerFootprintUrl } from "@/lib/pact/partner-url";
import { importPartnerFootprintSchema, MAX_FOOTPRINT_FILE_BYTES } from "@/lib/validation/schemas/supply";
import { SUPPLY_PATHS } from "./paths";

function refuse(reason: string, params: Record<string, string | number> = {}): never {
  throw new OperationError("errors.validation", { reference: [messageKey(`supply.import.errors.${reason}`, params)] });
}

/** What went wrong reading from the partner's host, at the URL field (never the host's own words). */
function fetchRefusal(error: unknown): never {
  if (error instanceof ResponseTooLargeError) refuse("tooLarge", { maximum: MAX_FOOTPRINT_FILE_BYTES / 1024 / 1024 });
  if (error instanceof DeliveryError) {
    if (error.kind === "timeout") refuse("partnerTimeout");
    if (error.kind === "token") refuse("partnerToken");
    if (error.kind === "secret") refuse("partnerSecret");
    if (error.detail === "not-json") refuse("notJson");
    refuse("partnerUnavailable", { detail: error.message });
  }
  throw error;
}

/**
 * Reads the footprint at the partner's host before the transaction: only at the footprint's
 * address under the partner's registered base URL, with a token from the partner's token endpoint
 * (the outbound credentials registered for it), within the client's timeout and at most 1 MB.
 */
async function readFromPartner({ partnerId, reference }: { partnerId: string; reference: string }) {
  const partner = await partnerImportTarget(await getCurrentUser(), partnerId);
  if (!partner) throw new NotFoundError("pact.errors.partnerNotFound");
  const url = partnerFootprintUrl(partner.baseUrl, reference);
  if (!url) refuse("outsidePartner");
  let document: unknown;
  try {
    let secret: string;
    try {
      secret = openSecret(partner.sealedClientSecret, partnerSecretContext(partner.id)).toString("utf8");
    } catch (error) {
      if (error instanceof KeyEncryptionKeyError) throw new DeliveryError("secret");
      throw error;
    }
    const token = await fetchAccessToken(await tokenEndpointOf(partner.baseUrl), partner.clientId, secret);
    document = await getFootprint(url, token, MAX_FOOTPRINT_FILE_BYTES);
  } catch (error) {
    fetchRefusal(error);
  }
  if (document === null) refuse("partnerNotFound");
  return { partnerId: partner.id, url, document, credential: await footprintCredentialCheck(document) };
}

/** Imports a footprint from a registered partner's PACT host, by its URL or id (form fields `partnerId`, `reference`). */
export const importPartnerFootprintAction = createAction(importPartnerFootprint, {
  schema: importPartnerFootprintSchema,
  prepare: readFromPartner,
  revalidate: () => SUPPLY_PATHS,
});
