import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { PartnersPage } from "@/lib/dal/pact/enterprise";
import { PactTabs } from "./pact-tabs";
import { RegisterPartnerForm } from "./partner-form";
import { PartnerRowActions } from "./partner-row-actions";
import { DATE_TIME_FORMAT } from "@/lib/i18n/date-format";

/** The PACT hosts of the companies an enterprise exchanges footprints with. */
export async function PartnersView({ page }: { page: PartnersPage }) {
  const t = await getTranslations("pact.partners");
  const format = await getFormatter();
  const moment = (date: Date) => format.dateTime(date, DATE_TIME_FORMAT);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <PactTabs current="partners" />
      <div className="space-y-6">
        <Card>
          <CardHeader title={t("newPartner")} />
          <CardBody>
            <RegisterPartnerForm />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("existing")} />
          {page.partners.length === 0 ? (
            <CardBody>
              <EmptyState title={t("empty")} description={t("emptyHint")} />
            </CardBody>
          ) : (
            <ul className="divide-y divide-slate-100">
              {page.partners.map((partner) => (
                <li key={partner.id} className="space-y-3 px-4 py-4 sm:px-6">
                  <div>
                    <h3 className="font-medium text-slate-900">{partner.name}</h3>
                    <dl className="mt-1 grid gap-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-4">
                      <dt className="text-slate-600">{t("baseUrl")}</dt>
                      <dd className="break-all font-mono text-slate-800">{partner.baseUrl}</dd>
                      <dt className="text-slate-600">{t("clientId")}</dt>
                      <dd className="break-all font-mono text-slate-800">{partner.clientId}</dd>
                      <dt className="text-slate-600">{t("replies")}</dt>
                      <dd className="text-slate-800">
                        {t("pendingReplies", { count: partner.pendingReplies })}
                        {partner.lastDeliveredAt ? ` · ${t("lastDelivered", { date: moment(partner.lastDeliveredAt) })}` : ""}
                      </dd>
                    </dl>
                    <p className="mt-1 text-xs text-slate-600">{t("registeredBy", { name: partner.createdByName, date: moment(partner.createdAt) })}</p>
                  </div>
                  <PartnerRowActions partner={{ id: partner.id, name: partner.name, baseUrl: partner.baseUrl, clientId: partner.clientId }} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
