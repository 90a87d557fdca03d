import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getMessages, getTranslations } from "next-intl/server";
import { cache } from "react";
import { PublicCertificateViewPage } from "@/components/certificates/public-certificate-view";
import { declaredUnitText, type LabelStrings } from "@/lib/certificates/strings";
import { findPublicCertificate } from "@/lib/dal/public-certificates";
import { publicCertificateView } from "./public-view";

type Props = { params: Promise<{ certificateNumber: string }> };

const lookup = cache((number: string) => findPublicCertificate(number));

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
  const [t, credentials, format, messages, locale] = await Promise.all([
    getTranslations("labels"),
    getTranslations("credentials.label"),
    getFormatter(),
    getMessages(),
    getLocale(),
  ]);
  const unit = declaredUnitText(certificate.scope.declaredUnit.amount, certificate.scope.declaredUnit.unit, messages.labels as LabelStrings);
  const view = publicCertificateView(certificate, {
    t,
    credentials,
    en: locale === "en",
    date: (value) => format.dateTime(new Date(value), { dateStyle: "long" }),
    unit,
  });
  return <PublicCertificateViewPage view={view} />;
}
