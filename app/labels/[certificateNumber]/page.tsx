import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getMessages, getTranslations } from "next-intl/server";
import { cache } from "react";
import { CredentialDownload } from "@/components/credentials/credential-download";
import {
  BodySection,
  GradeSection,
  HistorySection,
  HolderSection,
  LabelSection,
  ResultSection,
  ScopeSection,
  type LabelsT,
} from "@/components/certificates/public-certificate-sections";
import { declaredUnitText, type LabelStrings } from "@/lib/certificates/strings";
import { findPublicCertificate } from "@/lib/dal/public-certificates";
import { cn } from "@/lib/utils";

type Props = { params: Promise<{ certificateNumber: string }> };

const lookup = cache((number: string) => findPublicCertificate(number));

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

/**
 * The QR code's target: anyone, no sign-in, server-rendered from the certificate's frozen snapshot:
 * the live status, the label and its downloads, holder, scope, result, grade, body, history, credential.
 */
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

  const unit = declaredUnitText(certificate.scope.declaredUnit.amount, certificate.scope.declaredUnit.unit, strings);
  const section = { certificate, t: t as LabelsT, en, date, unit };
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <section aria-labelledby="certificate-status" className={cn("rounded-2xl border-2 px-5 py-6 sm:px-8", STATUS_STYLES[status])}>
        <p className="text-sm font-medium uppercase tracking-wide">{t("public.genuine")}</p>
        <p className="mt-1 font-mono text-base">{certificate.number}</p>
        <h1 id="certificate-status" className="mt-4 text-5xl font-bold tracking-tight sm:text-6xl" data-status={status}>
          <span className="sr-only">{t("public.statusHeading")}: </span>
          {t(`public.statusNow.${status}`)}
        </h1>
        <p className="mt-3 text-base">{t(`public.statusExplain.${status}`, { expiresOn: date(certificate.validity.expiresOn) })}</p>
        {certificate.statusReason ? (
          <p className="mt-3 text-base">
            <span className="font-semibold">{t("public.reason")}:</span> {certificate.statusReason}
            {certificate.statusChangedAt ? (
              <span className="block text-sm opacity-80">
                {t("public.since", { date: format.dateTime(new Date(certificate.statusChangedAt), { dateStyle: "long" }) })}
              </span>
            ) : null}
          </p>
        ) : null}
        <p className="mt-4 text-sm opacity-80">{t("public.genuineHint")}</p>
      </section>

      <LabelSection {...section} />
      <HolderSection {...section} />
      <ScopeSection {...section} />
      <ResultSection {...section} />
      <GradeSection {...section} />
      <BodySection {...section} />
      <HistorySection {...section} />
      <CredentialDownload number={certificate.number} />
      <p className="text-center">
        <Link href="/registry" className="font-medium text-brand-700 hover:underline">
          {t("public.registryLink")}
        </Link>
      </p>
    </div>
  );
}
