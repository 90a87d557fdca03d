import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { applications, findings, notifications } from "@/db/schema";
import { markNotificationsReadAction } from "@/lib/actions/notifications/mark-read";
import { acceptApplicationAction } from "@/lib/actions/verification/accept-application";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listEnterpriseFindings } from "@/lib/dal/findings";
import { countUnreadNotifications, listNotifications } from "@/lib/dal/notifications";
import { notify } from "@/lib/notifications/notify";
import { actAs, createUser } from "../support/factories";
import { createEntrustedApplication, createVerificationParties } from "../support/verification-fixtures";

async function me() {
  return (await getCurrentUser())!;
}

describe("notifications", () => {
  it("counts and lists the organization's and the user's own notifications, and marks them read", async () => {
    const { body, verifier, enterpriseUser } = await createVerificationParties();
    const colleague = await createUser("enterprise", enterpriseUser.organizationId);
    const application = await createEntrustedApplication(enterpriseUser, body.id);
    actAs(verifier);
    expect((await acceptApplicationAction({ applicationId: application.id, expectedVersion: application.version })).ok).toBe(true);
    await notify(db, { organizationId: enterpriseUser.organizationId, userId: colleague.id, kind: "applicationAccepted", params: { product: "x", productEn: "x" } });

    actAs(enterpriseUser);
    expect(await countUnreadNotifications(await me())).toBe(1);
    const [accepted] = await listNotifications(await me());
    expect(accepted).toMatchObject({ kind: "applicationAccepted", applicationId: application.id, readAt: null });
    expect(await countUnreadNotifications(await me())).toBe(1);

    // Another organization cannot mark it read.
    actAs(verifier);
    expect(await markNotificationsReadAction({ notificationId: accepted.id })).toMatchObject({ ok: true, data: { marked: 0 } });
    actAs(null);
    expect(await markNotificationsReadAction({})).toMatchObject({ ok: false, message: "errors.unauthenticated" });

    actAs(enterpriseUser);
    expect(await markNotificationsReadAction({ notificationId: accepted.id })).toMatchObject({ ok: true, data: { marked: 1 } });
    expect(await countUnreadNotifications(await me())).toBe(0);
    actAs(colleague);
    expect(await countUnreadNotifications(await me())).toBe(1);
    expect(await markNotificationsReadAction({})).toMatchObject({ ok: true, data: { marked: 1 } });
    expect(await countUnreadNotifications(await me())).toBe(0);
  });
});

describe("the enterprise's view of findings", () => {
  it("shows findings once sent back, and never another enterprise's", async () => {
    const { body, verifier, enterpriseUser } = await createVerificationParties();
    const application = await createEntrustedApplication(enterpriseUser, body.id, { status: "in_review", leadVerifierId: verifier.id });
    await db.insert(findings).values({ applicationId: application.id, round: 1, severity: "major", text: "Missing meter data", raisedBy: verifier.id });

    actAs(enterpriseUser);
    expect((await listEnterpriseFindings(await me(), application.id))?.findings).toEqual([]);

    await db.update(applications).set({ status: "changes_requested" }).where(eq(applications.id, application.id));
    const visible = await listEnterpriseFindings(await me(), application.id);
    expect(visible?.findings.map((finding) => finding.text)).toEqual(["Missing meter data"]);

    actAs(await createUser("enterprise"));
    expect(await listEnterpriseFindings(await me(), application.id)).toBeNull();
    actAs(verifier);
    expect(await listEnterpriseFindings(await me(), application.id)).toBeNull();
    const stored = await db.select().from(notifications).where(eq(notifications.applicationId, application.id));
    expect(stored).toEqual([]);
  });
});
