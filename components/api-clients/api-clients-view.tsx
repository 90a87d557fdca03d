import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { ApiClientsPage } from "@/lib/dal/api-clients";
import { ApiClientRowActions } from "./api-client-row-actions";
import { CreateApiClientForm } from "./create-api-client-form";
import { scopeKey } from "./scope-key";
import { DATE_FORMAT, DATE_TIME_FORMAT } from "@/lib/i18n/date-format";

const STATE_TONE = { active: "success", expired: "warning", revoked: "danger" } as const;

type Props = { page: ApiClientsPage; defaultExpiresOn: string; maximumDays: number };

/** An organization's API clients: create one, then rotate or revoke it. */
export async function ApiClientsView({ page, defaultExpiresOn, maximumDays }: Props) {
  const t = await getTranslations("apiClients");
  const format = await getFormatter();
  const day = (date: Date) => format.dateTime(date, DATE_FORMAT);
  const moment = (date: Date) => format.dateTime(date, DATE_TIME_FORMAT);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <Link href="/developers" className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
            {t("guideLink")}
          </Link>
        }
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title={t("newClient")} />
          <CardBody>
            <CreateApiClientForm
              grantableScopes={page.grantableScopes}
              footprintChoices={page.footprintChoices}
              defaultExpiresOn={defaultExpiresOn}
              maximumDays={maximumDays}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("existing")} />
          {page.clients.length === 0 ? (
            <CardBody>
              <EmptyState title={t("empty")} description={t("emptyHint")} />
            </CardBody>
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>{t("columns.client")}</Th>
                  <Th>{t("columns.scopes")}</Th>
                  <Th>{t("columns.status")}</Th>
                  <Th>{t("columns.expires")}</Th>
                  <Th>{t("columns.lastUsed")}</Th>
                  <Th>{t("columns.actions")}</Th>
                </tr>
              </thead>
              <tbody>
                {page.clients.map((client) => (
                  <tr key={client.id}>
                    <Td>
                      <span className="font-medium text-slate-900">{client.name}</span>
                      <span className="block font-mono text-xs text-slate-700">{client.id}</span>
                      <span className="block text-xs text-slate-600">{t("createdBy", { name: client.createdByName, date: day(client.createdAt) })}</span>
                      {client.secretRotatedAt ? <span className="block text-xs text-slate-600">{t("rotatedOn", { date: moment(client.secretRotatedAt) })}</span> : null}
                      {client.revokedAt ? (
                        <span className="block text-xs text-slate-600">{t("revokedBy", { name: client.revokedByName ?? "", date: moment(client.revokedAt) })}</span>
                      ) : null}
                    </Td>
                    <Td>
                      <ul className="space-y-0.5">
                        {client.scopes.map((scope) => (
                          <li key={scope}>{t(`scopeNames.${scopeKey(scope)}`)}</li>
                        ))}
                      </ul>
                      {client.scopes.includes("footprints:read") ? (
                        <span className="block text-xs text-slate-600">
                          {client.limitedFootprints === null ? t("footprintsAll") : t("footprintsLimited", { count: client.limitedFootprints })}
                        </span>
                      ) : null}
                    </Td>
                    <Td>
                      <Badge tone={STATE_TONE[client.state]}>{t(`states.${client.state}`)}</Badge>
                      {client.state === "active" && client.creatorInactive ? (
                        <span className="mt-1 block text-xs text-amber-800">{t("creatorInactive", { name: client.createdByName })}</span>
                      ) : null}
                    </Td>
                    {/* expiresAt is the first instant after the last day of use. */}
                    <Td className="whitespace-nowrap">{day(new Date(client.expiresAt.getTime() - 1))}</Td>
                    <Td className="whitespace-nowrap">{client.lastUsedAt ? moment(client.lastUsedAt) : t("never")}</Td>
                    <Td>
                      <ApiClientRowActions apiClientId={client.id} name={client.name} active={client.state === "active"} revoked={client.state === "revoked"} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
