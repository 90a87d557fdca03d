import "server-only";
import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { applications, inventoryLines, organizations, pactEventDeliveries, pactPartners, supplyRequests } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { platformBaseUrl } from "@/lib/credentials/platform-base-url";
import { NotFoundError, OperationError } from "@/lib/errors";
import { sendJobAfterCommit } from "@/lib/jobs";
import { notify } from "@/lib/notifications/notify";
import { deliveryDeadline } from "@/lib/pact/delivery-schedule";
import { requestCreatedEvent } from "@/lib/pact/events";
import { assertUserCan, type Actor } from "@/lib/policy";
import { parseSupplierChoice, type CreateSupplyRequestValues } from "@/lib/validation/schemas/supply";

/**
 * An enterprise asks a supplier for the footprint of a product it buys. A supplier on the platform
 * is told in its inbox; one elsewhere is reached through a PACT partner the enterprise registered.
 * A line it was asked from must be of the enterprise's own application. A partner's request goes
 * out as a PACT RequestCreatedEvent, queued for delivery in this transaction (the delivery job,
 * woken after the commit, sends it with the partner's outbound credentials and retries it with
 * backoff); the partner answers through `POST /3/events`.
 */
export async function createSupplyRequest(tx: Tx, actor: Actor | null, input: CreateSupplyRequestValues) {
  assertUserCan(actor, "supplyRequest.send");
  let supplierOrganizationId: string | null = null;
  let partnerId: string | null = null;
  const choice = parseSupplierChoice(input.supplier);
  if (!choice) throw new OperationError("errors.validation", { supplier: ["supply.validation.supplier"] });
  if (choice.kind === "organization") {
    const [supplier] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.id, choice.id), eq(organizations.kind, "enterprise")));
    if (!supplier || supplier.id === actor.organizationId) throw new OperationError("errors.validation", { supplier: ["supply.validation.supplier"] });
    supplierOrganizationId = supplier.id;
  } else {
    const [partner] = await tx
      .select({ id: pactPartners.id })
      .from(pactPartners)
      .where(and(eq(pactPartners.id, choice.id), eq(pactPartners.organizationId, actor.organizationId), isNull(pactPartners.removedAt)));
    if (!partner) throw new OperationError("errors.validation", { supplier: ["supply.validation.supplier"] });
    partnerId = partner.id;
  }
  if (input.applicationId) {
    const [application] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.id, input.applicationId), eq(applications.organizationId, actor.organizationId)));
    if (!application) throw new NotFoundError();
    if (input.lineId) {
      const [line] = await tx
        .select({ id: inventoryLines.id })
        .from(inventoryLines)
        .where(and(eq(inventoryLines.id, input.lineId), eq(inventoryLines.applicationId, application.id)));
      if (!line) throw new NotFoundError();
    }
  } else if (input.lineId) {
    throw new NotFoundError();
  }

  const now = new Date();
  const event = partnerId
    ? requestCreatedEvent(
        { id: crypto.randomUUID(), baseUrl: platformBaseUrl(), time: now },
        {
          productName: input.productName,
          productModel: input.productModel ?? null,
          partNumber: input.partNumber ?? null,
          declaredUnit: input.declaredUnit,
          quantityContext: input.quantityContext ?? null,
          dueOn: input.dueOn,
          message: input.message ?? null,
        },
      )
    : null;
  const [request] = await tx
    .insert(supplyRequests)
    .values({
      requesterOrganizationId: actor.organizationId,
      supplierOrganizationId,
      partnerId,
      requestEventId: event?.id ?? null,
      productName: input.productName,
      productModel: input.productModel,
      partNumber: input.partNumber,
      declaredUnit: input.declaredUnit,
      quantityContext: input.quantityContext,
      dueOn: input.dueOn,
      message: input.message,
      applicationId: input.applicationId,
      lineId: input.lineId,
      createdBy: actor.id,
    })
    .returning({ id: supplyRequests.id });
  if (partnerId && event) {
    await tx.insert(pactEventDeliveries).values({
      organizationId: actor.organizationId,
      partnerId,
      supplyRequestId: request.id,
      eventType: event.type,
      event,
      nextAttemptAt: now,
      deliverUntil: deliveryDeadline(now),
    });
    sendJobAfterCommit(tx, "pact-event-delivery");
  }
  await recordAuditEvent(tx, actor, {
    action: "supplyRequest.create",
    entityType: "supply_request",
    entityId: request.id,
    subjectOrganizationId: actor.organizationId,
    region: actor.region,
    data: {
      supplierOrganizationId,
      partnerId,
      requestEventId: event?.id ?? null,
      productName: input.productName,
      productModel: input.productModel,
      partNumber: input.partNumber,
      declaredUnit: input.declaredUnit,
      dueOn: input.dueOn,
      applicationId: input.applicationId,
      lineId: input.lineId,
    },
  });
  if (supplierOrganizationId) {
    await notify(tx, {
      organizationId: supplierOrganizationId,
      kind: "supply.requested",
      params: { requester: actor.organizationName, product: input.productName, dueOn: input.dueOn },
    });
  }
  return { requestId: request.id };
}
