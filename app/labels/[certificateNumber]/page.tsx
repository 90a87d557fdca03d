import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getMessages, getTranslations } from "next-intl/server";
import { cache } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatSignificant } from "@/lib/calc/format";
import { LABEL_SIGNIFICANT_DIGITS } from "@/lib/certificates/label-svg";
import { declaredUnitText, type LabelStrings } from "@/lib/certificates/strings";
import { findPublicCertificate } from "@/lib/dal/public-certificates";
import { cn } from "@/lib/utils";

type Props = { params: Promise<{ certificateNumber: string }> };

const lookup = cache((number: string) => findPublicCertificate(decodeURIComponent(number)));

const STATUS_STYLES = {
  valid: "border-brand-600 bg-brand-50 text-brand-900",
  suspended: "border-amber-500 bg-amber-50 text-amber-900",
  withdrawn: "border-red-600 bg-red-50 text-red-900",
  expired: "border-slate-400 bg-slate-100 text-slate-800",
} as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const certificate = await lookup((await params).certificateNumber);
  const t = await getTranslations("labels.public");
  return { title: certificate ? t("metaTitle", { number: certificate.number }) : t("notFoundTitle"), robots: { index: false } };
}

/** The QR code's target: anyone, no sign-in, server-rendered; what the label shows plus the live status. */
export default async function PublicCertificatePage({ params }: Props) {
  const certificate = await lookup((await params).certificateNumber);
  if (!certificate) notFound();
  const [t, format, messages, locale] = await Promise.all([
    getTranslations("labels"),
    getFormatter(),
    getMessages(),
    getLocale(),
  ]);
  const strings = messages.labels as LabelStrings;
  const date = (value: string) => format.dateTime(new Date(value), { dateStyle: "long" });
  const en = locale === "en";
  const { status } = certificate;

  const facts: Array<[string, string]> = [
    [t("public.product"), en ? certificate.productNameEn : certificate.productNameZh],
    [t("public.model"), certificate.model],
    [t("public.enterprise"), (en && certificate.enterpriseNameEn) || certificate.enterpriseName],
    [t("public.category"), en ? certificate.categoryNameEn : certificate.categoryNameZh],
    [t("public.boundary"), t(`systemBoundary.${certificate.systemBoundary}`)],
    [
      t("public.grade"),
      certificate.grade === null || certificate.benchmarkVersion === null
        ? t("public.noGrade")
        : t("public.gradeWithBenchmark", { grade: certificate.grade, version: certificate.benchmarkVersion }),
    ],
    [t("public.verificationBody"), certificate.verificationBodyName],
    [t("public.issuedOn"), date(certificate.issuedOn)],
    [t("public.expiresOn"), date(certificate.expiresOn)],
  ];

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <section aria-labelledby="certificate-status" className={cn("rounded-2xl border-2 px-5 py-6 sm:px-8", STATUS_STYLES[status])}>
        <p className="text-sm font-medium uppercase tracking-wide">{t("public.genuine")}</p>
        <p className="mt-1 font-mono text-base">{certificate.number}</p>
        <h1 id="certificate-status" className="mt-4 text-5xl font-bold tracking-tight sm:text-6xl" data-status={status}>
          <span className="sr-only">{t("public.statusHeading")}: </span>
          {t(`public.statusNow.${status}`)}
        </h1>
        <p className="mt-3 text-base">{t(`public.statusExplain.${status}`, { expiresOn: date(certificate.expiresOn) })}</p>
        {certificate.statusReason ? (
          <p className="mt-3 text-base">
            <span className="font-semibold">{t("public.reason")}:</span> {certificate.statusReason}
            {certificate.statusChangedAt ? (
              <span className="block text-sm opacity-80">
                {t("public.since", { date: format.dateTime(certificate.statusChangedAt, { dateStyle: "long" }) })}
              </span>
            ) : null}
          </p>
        ) : null}
        <p className="mt-4 text-sm opacity-80">{t("public.genuineHint")}</p>
      </section>

      <Card>
        <CardHeader title={t("public.labelHeading")} />
        <CardBody>
          <p className="text-sm text-slate-600">{t("public.footprint")}</p>
          <p className="mt-1 text-4xl font-semibold tabular-nums text-brand-800">
            {formatSignificant(certificate.value, LABEL_SIGNIFICANT_DIGITS)}{" "}
            <span className="text-lg font-normal text-slate-700">
              {t("label.footprintUnit", {
                unit: declaredUnitText(certificate.declaredUnitAmount, certificate.declaredUnit, strings),
              })}
            </span>
          </p>
          <dl className="mt-5 grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
            {facts.map(([term, value]) => (
              <div key={term} className="contents">
                <dt className="text-sm text-slate-600">{term}</dt>
                <dd className="font-medium text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
        </CardBody>
      </Card>
      <p className="text-center">
        <Link href="/registry" className="font-medium text-brand-700 hover:underline">
          {t("public.registryLink")}
        </Link>
      </p>
    </div>
  );
}
