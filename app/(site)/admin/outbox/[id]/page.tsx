import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { MailStatusBadge } from "@/components/admin/mail-status-badge";
import { PageHeader } from "@/components/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/current-user";
import { getOutboxMessage } from "@/lib/dal/mail-outbox";
import { AREA_ROLES } from "@/lib/policy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.outbox");
  return { title: t("metaTitle") };
}

/** One queued message; both bodies shown as text (the HTML as its escaped source, never rendered). */
export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(AREA_ROLES.admin, `/admin/outbox/${id}`);
  const message = await getOutboxMessage(user, id);
  if (!message) notFound();
  const [t, format] = await Promise.all([getTranslations("admin.outbox"), getFormatter()]);
  const errorText =
    message.error === null
      ? "—"
      : message.error.code === "relay"
        ? t("relayReply", { reply: message.error.reply })
        : t(`errors.${message.error.code}`);
  const when = (value: Date | null) => (value ? format.dateTime(value, { dateStyle: "medium", timeStyle: "medium" }) : "—");
  return (
    <>
      <PageHeader
        title={message.subject}
        // The message is in its recipient's language, whatever the operator reads the page in.
        titleLang={message.locale}
        actions={
          <Link className="text-sm font-medium text-brand-700 hover:underline" href="/admin/outbox">
            {t("back")}
          </Link>
        }
      />
      <Card>
        <CardBody>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium text-slate-700">{t("recipient")}</dt>
            <dd className="break-all">{message.recipient}</dd>
            <dt className="font-medium text-slate-700">{t("kind")}</dt>
            <dd>{message.kind ? t(`kinds.${message.kind}`) : t("kinds.other")}</dd>
            <dt className="font-medium text-slate-700">{t("language")}</dt>
            <dd>{message.language ? t(`languages.${message.language}`) : t("languages.other")}</dd>
            <dt className="font-medium text-slate-700">{t("status")}</dt>
            <dd>
              <MailStatusBadge status={message.status} label={t(`statuses.${message.status}`)} />
            </dd>
            <dt className="font-medium text-slate-700">{t("attempts")}</dt>
            <dd>{message.attempts}</dd>
            <dt className="font-medium text-slate-700">{t("lastError")}</dt>
            <dd className="break-words">{errorText}</dd>
            <dt className="font-medium text-slate-700">{t("queued")}</dt>
            <dd>{when(message.createdAt)}</dd>
            <dt className="font-medium text-slate-700">{message.status === "pending" ? t("nextAttempt") : t("sentAt")}</dt>
            <dd>{when(message.status === "pending" ? message.nextAttemptAt : message.sentAt)}</dd>
          </dl>
        </CardBody>
      </Card>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title={t("textBody")} />
          <CardBody>
            <pre lang={message.locale} className="whitespace-pre-wrap break-words text-sm">
              {message.textBody}
            </pre>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("htmlBody")} />
          <CardBody>
            <pre lang={message.locale} className="whitespace-pre-wrap break-all text-xs">
              {message.htmlBody}
            </pre>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
