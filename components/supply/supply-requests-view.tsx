import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/input";
import type { SupplyRequestsPage } from "@/lib/dal/supply/requests";
import { SUPPLY_REQUEST_STATUSES, type SupplyRequestStatus } from "@/lib/enums";
import { localName } from "@/lib/i18n/names";
import { SUPPLY_DIRECTIONS } from "@/lib/validation/schemas/supply";
import { cn } from "@/lib/utils";
import { SupplyRequestActions } from "./supply-request-actions";
import { SupplyRequestForm } from "./supply-request-form";
import { SharedFootprintSummary } from "./shared-footprint";
import { ApplyFootprintForm } from "./apply-footprint-form";
import { ImportedFootprints } from "./imported-footprints";
import { PartnerFootprintSummary } from "./partner-footprint";

const STATUS_TONE: Record<SupplyRequestStatus, "neutral" | "info" | "success" | "warning" | "danger"> = {
  pending: "warning",
  accepted: "info",
  declined: "danger",
  fulfilled: "success",
  expired: "neutral",
  cancelled: "neutral",
};

/** The enterprise's footprint requests: received from customers and sent to suppliers. */
export async function SupplyRequestsView({ page, defaultDueOn }: { page: SupplyRequestsPage; defaultDueOn: string }) {
  const [t, locale] = await Promise.all([getTranslations("supply"), getLocale()]);
  const counterparties = page.counterparties.map(({ nameEn, ...entry }) => ({ ...entry, name: localName(entry.name, nameEn, locale) }));
  const format = await getFormatter();
  const { filters } = page;
  const hrefFor = (direction: string) => {
    const params = new URLSearchParams();
    if (direction !== "all") params.set("direction", direction);
    if (filters.status) params.set("status", filters.status);
    if (filters.counterparty) params.set("counterparty", filters.counterparty);
    const query = params.toString();
    return query ? `/enterprise/supply?${query}` : "/enterprise/supply";
  };
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <nav aria-label={t("filters.directionLabel")} className="mb-4 flex flex-wrap gap-2">
        {SUPPLY_DIRECTIONS.map((direction) => (
          <Link
            key={direction}
            href={hrefFor(direction)}
            aria-current={direction === filters.direction ? "page" : undefined}
            className={cn(
              "rounded-full border px-3 py-1 text-sm",
              direction === filters.direction ? "border-brand-600 bg-brand-50 font-medium text-brand-900" : "border-slate-300 text-slate-700 hover:bg-slate-50",
            )}
          >
            {t(`filters.directions.${direction}`)}
          </Link>
        ))}
      </nav>
      <form method="get" action="/enterprise/supply" className="mb-6 flex flex-wrap items-end gap-3" aria-label={t("filters.label")}>
        {filters.direction !== "all" ? <input type="hidden" name="direction" value={filters.direction} /> : null}
        <label className="space-y-1 text-sm">
          <span className="block font-medium text-slate-800">{t("filters.status")}</span>
          <Select name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("filters.anyStatus")}</option>
            {SUPPLY_REQUEST_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium text-slate-800">{t("filters.counterparty")}</span>
          <Select name="counterparty" defaultValue={filters.counterparty ?? ""}>
            <option value="">{t("filters.anyCounterparty")}</option>
            {counterparties.map((entry) => (
              <option key={entry.value} value={entry.value}>
                {entry.name}
              </option>
            ))}
          </Select>
        </label>
        <Button type="submit" variant="secondary">
          {t("filters.apply")}
        </Button>
      </form>
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card>
          <CardHeader title={t("listTitle")} description={page.requests.length >= page.limit ? t("newestOnly", { count: page.limit }) : undefined} />
          {page.requests.length === 0 ? (
            <CardBody>
              <EmptyState title={t("empty")} description={t("emptyHint")} />
            </CardBody>
          ) : (
            <ul className="divide-y divide-slate-100">
              {page.requests.map((request) => (
                <li key={request.id} className="space-y-2 px-4 py-4 sm:px-6" data-testid="supply-request">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={request.direction === "sent" ? "info" : "neutral"}>{t(`direction.${request.direction}`)}</Badge>
                    <h3 className="font-medium text-slate-900">{request.productName}</h3>
                    <Badge tone={STATUS_TONE[request.status]}>{t(`status.${request.status}`)}</Badge>
                  </div>
                  <p className="text-sm text-slate-700">
                    {t(request.direction === "sent" ? "to" : "from", { name: localName(request.counterpartName, request.counterpartNameEn, locale) })}
                    {request.viaPartner ? ` · ${t("viaPact")}` : ""}
                  </p>
                  <dl className="grid gap-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-4">
                    {request.productModel ? (
                      <>
                        <dt className="text-slate-600">{t("form.productModel")}</dt>
                        <dd>{request.productModel}</dd>
                      </>
                    ) : null}
                    {request.partNumber ? (
                      <>
                        <dt className="text-slate-600">{t("form.partNumber")}</dt>
                        <dd className="font-mono">{request.partNumber}</dd>
                      </>
                    ) : null}
                    <dt className="text-slate-600">{t("form.declaredUnit")}</dt>
                    <dd>{request.declaredUnit}</dd>
                    {request.quantityContext ? (
                      <>
                        <dt className="text-slate-600">{t("form.quantityContext")}</dt>
                        <dd>{request.quantityContext}</dd>
                      </>
                    ) : null}
                    <dt className="text-slate-600">{t("form.dueOn")}</dt>
                    <dd>{format.dateTime(new Date(`${request.dueOn}T00:00:00`), { dateStyle: "medium" })}</dd>
                  </dl>
                  {request.message ? <blockquote className="border-l-2 border-slate-300 pl-3 text-sm text-slate-700">{request.message}</blockquote> : null}
                  {request.declineReason ? <p className="text-sm text-red-800">{t("declinedBecause", { reason: request.declineReason })}</p> : null}
                  <p className="text-xs text-slate-600">
                    {t("sentAt", { date: format.dateTime(request.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}
                    {request.createdByName ? ` · ${request.createdByName}` : ""}
                  </p>
                  {request.shared ? <SharedFootprintSummary shared={request.shared} /> : null}
                  {request.partnerFootprint ? <PartnerFootprintSummary footprint={request.partnerFootprint} /> : null}
                  {(request.shared || request.partnerFootprint) && request.direction === "sent" ? <ApplyFootprintForm source={{ requestId: request.id }} lines={request.candidateLines} /> : null}
                  <SupplyRequestActions request={request} footprints={page.footprints} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <div className="space-y-6">
          {page.mayCreate ? (
            <Card>
              <CardHeader title={t("form.title")} description={t("form.intro")} />
              <CardBody>
                <SupplyRequestForm counterparties={counterparties} defaultDueOn={defaultDueOn} />
              </CardBody>
            </Card>
          ) : null}
          <ImportedFootprints imports={page.imports} mayImport={page.mayImport} partners={page.importPartners} />
        </div>
      </div>
    </>
  );
}
