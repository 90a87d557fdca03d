import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { InboxPage, InboxRequest } from "@/lib/dal/pact/enterprise";
import { parseDeliveryError } from "@/lib/pact/vocabulary";
import { INBOX_VIEWS } from "@/lib/validation/schemas/pact";
import { cn } from "@/lib/utils";
import { PactTabs } from "./pact-tabs";
import { DATE_TIME_FORMAT } from "@/lib/i18n/date-format";

const REPLY_TONE = { pending: "warning", delivered: "success", abandoned: "danger" } as const;

async function ReplyLine({ reply }: { reply: InboxRequest["reply"] }) {
  const t = await getTranslations("pact.inbox");
  const format = await getFormatter();
  const moment = (date: Date) => format.dateTime(date, DATE_TIME_FORMAT);
  const error = reply.lastError ? parseDeliveryError(reply.lastError) : null;
  return (
    <div className="space-y-1 text-sm">
      <Badge tone={REPLY_TONE[reply.status]}>{t(`replyStatus.${reply.status}`)}</Badge>
      <p className="text-slate-700">
        {reply.deliveredAt
          ? t("deliveredAt", { date: moment(reply.deliveredAt) })
          : reply.lastAttemptAt
            ? t("attempts", { count: reply.attempts, date: moment(reply.lastAttemptAt) })
            : t("notTriedYet")}
      </p>
      {error && reply.status !== "delivered" ? <p className="text-slate-700">{t(`deliveryErrors.${error.kind}`, { detail: error.detail })}</p> : null}
    </div>
  );
}

/** Incoming PACT footprint requests: what was answered automatically, and what waits for a person. */
export async function InboxView({ page }: { page: InboxPage }) {
  const t = await getTranslations("pact.inbox");
  const filters = await getTranslations("pact.filters");
  const format = await getFormatter();
  const moment = (date: Date) => format.dateTime(date, DATE_TIME_FORMAT);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <PactTabs current="inbox" />
      <nav aria-label={t("viewsLabel")} className="mb-4 flex flex-wrap gap-2">
        {INBOX_VIEWS.map((view) => (
          <Link
            key={view}
            href={view === "unfulfilled" ? "/enterprise/pact/inbox" : `/enterprise/pact/inbox?view=${view}`}
            aria-current={view === page.view ? "page" : undefined}
            className={cn(
              "rounded-full border px-3 py-1 text-sm",
              view === page.view ? "border-brand-600 bg-brand-50 font-medium text-brand-900" : "border-slate-300 text-slate-700 hover:bg-slate-50",
            )}
          >
            {t(`views.${view}`)}
          </Link>
        ))}
      </nav>
      <Card>
        <CardHeader title={t(`headings.${page.view}`)} description={page.requests.length >= page.limit ? t("newestOnly", { count: page.limit }) : undefined} />
        {page.requests.length === 0 ? (
          <CardBody>
            <EmptyState title={t(`empty.${page.view}`)} description={t("emptyHint")} />
          </CardBody>
        ) : (
          <ul className="divide-y divide-slate-100">
            {page.requests.map((request) => (
              <li key={request.id} className="grid gap-3 px-4 py-4 sm:px-6 lg:grid-cols-[2fr_1fr]">
                <div className="min-w-0 space-y-2">
                  <div className="flex flex-wrap items-center gap-2">
                    <h3 className="font-medium text-slate-900">{request.partnerName}</h3>
                    <Badge tone={request.outcome === "fulfilled" ? "success" : "warning"}>
                      {request.outcome === "fulfilled" ? t("fulfilled", { count: request.matchedFootprints }) : t("rejected")}
                    </Badge>
                  </div>
                  <p className="text-xs text-slate-600">{t("received", { date: moment(request.receivedAt) })}</p>
                  <dl className="grid gap-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-4">
                    {request.criteria.map(({ criterion, values }) => (
                      <div key={criterion} className="contents">
                        <dt className="text-slate-600">{filters(criterion)}</dt>
                        <dd className="break-all font-mono text-slate-800">{values.join(", ")}</dd>
                      </div>
                    ))}
                  </dl>
                  {request.comment ? (
                    <blockquote className="border-l-2 border-slate-300 pl-3 text-sm text-slate-700">
                      <span className="sr-only">{t("comment")}: </span>
                      {request.comment}
                    </blockquote>
                  ) : null}
                  <p className="break-all text-xs text-slate-600">{t("eventOf", { id: request.eventId, source: request.source })}</p>
                </div>
                <div>
                  <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">{t("reply")}</h4>
                  <ReplyLine reply={request.reply} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
