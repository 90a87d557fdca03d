import "server-only";
import type { Tx } from "@/db";
import { lockOwnPartner } from "@/lib/domain/pact-partners/own-partner";
import { OperationError } from "@/lib/errors";
import { partnerFootprintUrl } from "@/lib/pact/partner-url";
import { assertUserCan, type Actor } from "@/lib/policy";
import { keepImportedFootprint, type CredentialCheck } from "./import-footprint";

type ImportPartnerFootprintInput = {
  partnerId: string;
  /** The URL the document was read at (GET /3/footprints/{id} at the partner's host). */
  url: string;
  document: unknown;
  credential?: CredentialCheck;
};

/**
 * An enterprise imports a footprint it read from one of its registered partners' PACT hosts,
 * through the same validation as a file. The partner must be the enterprise's own and active, and
 * the URL the footprint's address under that partner's base URL — never another address.
 */
export async function importPartnerFootprint(tx: Tx, actor: Actor | null, input: ImportPartnerFootprintInput) {
  assertUserCan(actor, "supplierFootprint.import");
  const partner = await lockOwnPartner(tx, actor, input.partnerId);
  if (partnerFootprintUrl(partner.baseUrl, input.url) !== input.url) {
    throw new OperationError("errors.validation", { reference: ["supply.import.errors.outsidePartner"] });
  }
  const kept = await keepImportedFootprint(tx, actor, { document: input.document, fileName: input.url, credential: input.credential, partnerId: partner.id, field: "reference", reuse: false });
  return { importedFootprintId: kept.importedFootprintId };
}
