import "server-only";
import type { DbOrTx } from "@/db";
import { notifications } from "@/db/schema";

export type NotificationInput = {
  organizationId: string;
  userId?: string | null;
  /** Key in the `notifications` i18n namespace. */
  kind: string;
  applicationId?: string | null;
  certificateId?: string | null;
  params?: Record<string, string>;
};

/** Queues an in-app notification in the caller's transaction. */
export async function notify(tx: DbOrTx, input: NotificationInput): Promise<void> {
  await tx.insert(notifications).values({
    organizationId: input.organizationId,
    userId: input.userId ?? null,
    kind: input.kind,
    applicationId: input.applicationId ?? null,
    certificateId: input.certificateId ?? null,
    params: input.params ?? null,
  });
}
