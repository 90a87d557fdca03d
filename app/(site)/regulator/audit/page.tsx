import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterActions, FilterField, SearchField } from "@/components/forms/filter-form";
import { Pagination } from "@/components/forms/pagination";
import { Input, Select } from "@/components/ui/input";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES, can } from "@/lib/policy";
import { auditFilterChoices, listAuditEvents } from "@/lib/dal/audit-trail";
import { auditFiltersSchema, type AuditFilters } from "@/lib/validation/schemas/regulator";
import { VerifyChainButton } from "./verify-chain-button";
import { DATE_TIME_FORMAT } from "@/lib/i18n/date-format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Filters a link in the table sets by id (a product, a certificate): kept as hidden fields, shown as a removable note. */
const ID_FILTER_KEYS = ["product", "certificate", "organization", "user"] as const;

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
  const [{ events, nextBefore }, choices] = await Promise.all([listAuditEvents(user, filters), auditFilterChoices(user)]);
  const organizationNames = [...new Set(choices.organizations.flatMap((organization) => [organization.name, ...(organization.nameEn ? [organization.nameEn] : [])]))];
  // A typed name no event of the region carries finds nothing: say so at its field (the suggestions are capped, so only when nothing was found).
  const unknownOrganization = events.length === 0 && !!filters.organizationName && !organizationNames.includes(filters.organizationName);
  const unknownActor = events.length === 0 && !!filters.actorName && !choices.actors.includes(filters.actorName);
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
              <SearchField
                id="audit-organizationName"
                name="organizationName"
                label={t("filter.organizationName")}
                hint={unknownOrganization ? t("filter.unknownOrganization") : t("filter.nameHint")}
                invalid={unknownOrganization}
                list="audit-organization-names"
                maxLength={200}
                defaultValue={filters.organizationName}
              />
              <datalist id="audit-organization-names">
                {organizationNames.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
              <SearchField
                id="audit-actorName"
                name="actorName"
                label={t("filter.actorName")}
                hint={unknownActor ? t("filter.unknownActor") : t("filter.nameHint")}
                invalid={unknownActor}
                list="audit-actor-names"
                defaultValue={filters.actorName}
              />
              <datalist id="audit-actor-names">
                {choices.actors.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
              <FilterField id="audit-action" label={t("filter.action")}>
                <Select id="audit-action" name="action" defaultValue={filters.action ?? ""}>
                  <option value="">{t("filter.actionAll")}</option>
                  {AUDIT_ACTIONS.map((action) => (
                    <option key={action} value={action}>
                      {t(`actions.${action}`)}
                    </option>
                  ))}
                </Select>
              </FilterField>
              {(["from", "to"] as const).map((key) => (
                <FilterField key={key} id={`audit-${key}`} label={t(`filter.${key}`)}>
                  <Input id={`audit-${key}`} name={key} type="date" defaultValue={filters[key] ?? ""} />
                </FilterField>
              ))}
              {ID_FILTER_KEYS.map((key) => (filters[key] ? <input key={key} type="hidden" name={key} value={filters[key]} /> : null))}
              <FilterActions applyLabel={t("apply")} resetLabel={t("reset")} resetHref="/regulator/audit" />
            </form>
            {ID_FILTER_KEYS.some((key) => filters[key]) ? (
              <ul className="mt-4 flex flex-wrap gap-2 text-sm" aria-label={t("filter.linked")}>
                {ID_FILTER_KEYS.map((key) =>
                  filters[key] ? (
                    <li key={key} className="flex items-center gap-2 rounded-md border border-slate-300 bg-slate-50 px-2 py-1">
                      {t(`filter.linkedBy.${key}`)}
                      <Link className="text-brand-700 underline-offset-2 hover:underline" href={auditHref(filters, { [key]: undefined })}>
                        {t("filter.remove")}
                      </Link>
                    </li>
                  ) : null,
                )}
              </ul>
            ) : null}
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
                      {filterLink("actorName", event.actorName, event.actorName)}
                      <span className="block text-xs text-slate-500">{roleName(event.actorRole)}</span>
                      {event.actorApiClientName ? (
                        <span className="block text-xs text-slate-600">{t("viaApiClient", { name: event.actorApiClientName })}</span>
                      ) : null}
                    </Td>
                    <Td>{filterLink("organizationName", event.actorOrganizationName, event.actorOrganizationName)}</Td>
                    <Td>{filterLink("action", event.action, actionName(event.action))}</Td>
                    <Td className="whitespace-nowrap">
                      {event.fromStatus || event.toStatus ? `${statusName(event.fromStatus)} → ${statusName(event.toStatus)}` : "—"}
                    </Td>
                    <Td>
                      {filterLink("organizationName", event.subjectOrganizationName, event.subjectOrganizationName)}
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
          <CardBody className="border-t border-slate-200">
            <Pagination
              label={t("pagination")}
              previousHref={filters.before ? auditHref(filters, {}) : null}
              previousLabel={t("newest")}
              nextHref={nextBefore ? auditHref(filters, { before: nextBefore }) : null}
              nextLabel={t("older")}
            />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
