import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterActions, FilterField } from "@/components/forms/filter-form";
import { Input, Select } from "@/components/ui/input";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES, can } from "@/lib/policy";
import { listAuditEvents } from "@/lib/dal/audit-trail";
import { auditFiltersSchema, type AuditFilters } from "@/lib/validation/schemas/regulator";
import { VerifyChainButton } from "./verify-chain-button";
import { DATE_TIME_FORMAT } from "@/lib/i18n/date-format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTER_KEYS = ["organization", "product", "certificate", "user", "action", "from", "to"] as const;

function auditHref(filters: AuditFilters, change: Partial<Record<keyof AuditFilters, string | number | undefined>>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, before: undefined, ...change })) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const query = params.toString();
  return `/regulator/audit${query ? `?${query}` : ""}`;
}

export default async function AuditTrailPage({ searchParams }: PageProps) {
  const user = await requirePageUser(AREA_ROLES.regulator, "/regulator/audit");
  const raw = await searchParams;
  const filters = auditFiltersSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, (Array.isArray(value) ? value[0] : value) || undefined])),
  );
  const { events, nextBefore } = await listAuditEvents(user, filters);
  const t = await getTranslations("audit");
  const common = await getTranslations("common");
  const format = await getFormatter();
  const roleName = (role: string | null) => (role && common.has(`roles.${role}`) ? common(`roles.${role}`) : (role ?? "—"));
  const actionName = (action: string) => (t.has(`actions.${action}`) ? t(`actions.${action}`) : action);
  // Applications and certificates have disjoint status names; an event's transition is one of them.
  const statusName = (status: string | null) =>
    status === null
      ? "—"
      : common.has(`applicationStatus.${status}`)
        ? common(`applicationStatus.${status}`)
        : common.has(`certificateStatus.${status}`)
          ? common(`certificateStatus.${status}`)
          : status;
  const filterLink = (key: keyof AuditFilters, value: string | null, text: string | null) =>
    value ? (
      <Link className="inline-flex min-h-6 items-center text-brand-700 underline-offset-2 hover:underline" href={auditHref(filters, { [key]: value })} title={t("filterByThis")}>
        {text ?? value.slice(0, 8)}
      </Link>
    ) : (
      "—"
    );

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="space-y-6">
        {can(user, "audit.verifyChain") ? (
          <Card>
            <CardHeader title={t("chainTitle")} description={t("chainHint")} />
            <CardBody>
              <VerifyChainButton />
            </CardBody>
          </Card>
        ) : null}
        <Card>
          <CardBody>
            <form method="get" action="/regulator/audit" aria-label={t("filters")} className="grid items-end gap-4 sm:grid-cols-2 lg:grid-cols-4">
              {FILTER_KEYS.map((key) => (
                <FilterField key={key} id={`audit-${key}`} label={t(`filter.${key}`)}>
                  {key === "action" ? (
                    <Select id="audit-action" name="action" defaultValue={filters.action ?? ""}>
                      <option value="">{t("filter.actionAll")}</option>
                      {AUDIT_ACTIONS.map((action) => (
                        <option key={action} value={action}>
                          {t(`actions.${action}`)}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    <Input
                      id={`audit-${key}`}
                      name={key}
                      type={key === "from" || key === "to" ? "date" : "text"}
                      defaultValue={filters[key] ?? ""}
                    />
                  )}
                </FilterField>
              ))}
              <FilterActions applyLabel={t("apply")} resetLabel={t("reset")} resetHref="/regulator/audit" />
            </form>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("events")} />
          {events.length === 0 ? (
            <CardBody>
              <EmptyState title={t("noEvents")} />
            </CardBody>
          ) : (
            <Table>
              <caption className="sr-only">{t("events")}</caption>
              <thead>
                <tr>
                  <Th>{t("when")}</Th>
                  <Th>{t("who")}</Th>
                  <Th>{t("organization")}</Th>
                  <Th>{t("what")}</Th>
                  <Th>{t("change")}</Th>
                  <Th>{t("subject")}</Th>
                  <Th>{t("reason")}</Th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={event.id}>
                    <Td className="whitespace-nowrap tabular-nums">
                      {format.dateTime(event.occurredAt, DATE_TIME_FORMAT)}
                      <span className="block text-xs text-slate-500">#{event.id}</span>
                    </Td>
                    <Td>
                      {filterLink("user", event.actorUserId, event.actorName)}
                      <span className="block text-xs text-slate-500">{roleName(event.actorRole)}</span>
                      {event.actorApiClientName ? (
                        <span className="block text-xs text-slate-600">{t("viaApiClient", { name: event.actorApiClientName })}</span>
                      ) : null}
                    </Td>
                    <Td>{filterLink("organization", event.actorOrganizationId, event.actorOrganizationName)}</Td>
                    <Td>{filterLink("action", event.action, actionName(event.action))}</Td>
                    <Td className="whitespace-nowrap">
                      {event.fromStatus || event.toStatus ? `${statusName(event.fromStatus)} → ${statusName(event.toStatus)}` : "—"}
                    </Td>
                    <Td>
                      {filterLink("organization", event.subjectOrganizationId, event.subjectOrganizationName)}
                      {event.productId ? <span className="block text-xs">{filterLink("product", event.productId, t("product"))}</span> : null}
                      {event.certificateId ? (
                        <span className="block text-xs">{filterLink("certificate", event.certificateId, t("certificate"))}</span>
                      ) : null}
                    </Td>
                    <Td className="max-w-xs break-words">{event.reason ?? "—"}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <CardBody className="flex justify-between border-t border-slate-200">
            {filters.before ? (
              <Link className={buttonVariants({ variant: "secondary", size: "sm" })} href={auditHref(filters, {})}>
                {t("newest")}
              </Link>
            ) : (
              <span />
            )}
            {nextBefore ? (
              <Link className={buttonVariants({ variant: "secondary", size: "sm" })} href={auditHref(filters, { before: nextBefore })}>
                {t("older")}
              </Link>
            ) : null}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
