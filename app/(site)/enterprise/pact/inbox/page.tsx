import { getTranslations } from "next-intl/server";
import { InboxView } from "@/components/pact/inbox-view";
import { requirePageUser } from "@/lib/auth/current-user";
import { getInboxPage } from "@/lib/dal/pact/enterprise";
import { AREA_ROLES } from "@/lib/policy";
import { INBOX_VIEWS, type InboxView as View } from "@/lib/validation/schemas/pact";

export async function generateMetadata() {
  const t = await getTranslations("pact.inbox");
  return { title: t("title") };
}

export default async function PactInboxPage({ searchParams }: { searchParams: Promise<{ view?: string }> }) {
  const user = await requirePageUser(AREA_ROLES.enterprise, "/enterprise/pact/inbox");
  const requested = (await searchParams).view;
  // Any other value shows the default view: a filter in the address never breaks the page.
  const view: View = (INBOX_VIEWS as readonly string[]).includes(requested ?? "") ? (requested as View) : "unfulfilled";
  return <InboxView page={await getInboxPage(user, view)} />;
}
