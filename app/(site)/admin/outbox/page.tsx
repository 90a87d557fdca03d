import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { MailStatusBadge } from "@/components/admin/mail-status-badge";
import { Pagination, pageLinks } from "@/components/forms/pagination";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/current-user";
import { listOutbox } from "@/lib/dal/mail-outbox";
import { mailRelayConfigured } from "@/lib/mail/transport";
import { AREA_ROLES } from "@/lib/policy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.outbox");
  return { title: t("metaTitle") };
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePageUser(AREA_ROLES.admin, "/admin/outbox");
  const { page: requested } = await searchParams;
  const [t, format, outbox] = await Promise.all([getTranslations("admin.outbox"), getFormatter(), listOutbox(user, { page: requested })]);
  const { items, page, pageCount, total, byStatus } = outbox;
  const relayConfigured = mailRelayConfigured();
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <Link className="text-sm font-medium text-brand-700 hover:underline" href="/admin">
            {t("back")}
          </Link>
        }
      />
      {relayConfigured ? null : (
        <div className="mb-4">
          <Alert tone="warning">{t("noRelay")}</Alert>
        </div>
      )}
      <p className="mb-4 text-sm text-slate-700">
        {t("counts", { total, sent: byStatus.sent, pending: byStatus.pending, failed: byStatus.failed, noRelay: byStatus.no_relay })}
      </p>
      {items.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <Card>
          <Table>
            <thead>
              <tr>
                <Th>{t("queued")}</Th>
                <Th>{t("recipient")}</Th>
                <Th>{t("subject")}</Th>
                <Th>{t("status")}</Th>
                <Th>{t("attempts")}</Th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <Td className="whitespace-nowrap">{format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
                  <Td className="break-all">{item.recipient}</Td>
                  <Td>
                    <Link className="font-medium text-brand-700 hover:underline" href={`/admin/outbox/${item.id}`}>
                      {item.subject}
                    </Link>
                  </Td>
                  <Td>
                    <MailStatusBadge status={item.status} label={t(`statuses.${item.status}`)} />
                    {item.error && item.error.code !== "noRelay" ? (
                      <p className="mt-1 text-xs text-slate-600">{item.error.code === "relay" ? t("relayReply", { reply: item.error.reply }) : t(`errors.${item.error.code}`)}</p>
                    ) : null}
                  </Td>
                  <Td>{item.attempts}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
      <div className="mt-4">
        <Pagination
          label={t("pagination")}
          position={{ page, pageCount, total }}
          {...pageLinks("/admin/outbox", {}, page, pageCount)}
        />
      </div>
    </>
  );
}
