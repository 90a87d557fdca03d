import { useTranslations } from "next-intl";
import type { ApplicationStatus, CertificateStatus } from "@/db/schema";
import { Badge } from "@/components/ui/badge";

const APPLICATION_TONES: Record<ApplicationStatus, "neutral" | "info" | "success" | "warning" | "danger"> = {
  draft: "neutral",
  submitted: "info",
  declined: "warning",
  accepted: "info",
  in_review: "info",
  changes_requested: "warning",
  awaiting_decision: "info",
  certified: "success",
  rejected: "danger",
};

const CERTIFICATE_TONES: Record<CertificateStatus, "success" | "warning" | "danger" | "neutral"> = {
  valid: "success",
  suspended: "warning",
  withdrawn: "danger",
  expired: "neutral",
};

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const t = useTranslations("common.applicationStatus");
  return <Badge tone={APPLICATION_TONES[status]}>{t(status)}</Badge>;
}

export function CertificateStatusBadge({ status }: { status: CertificateStatus }) {
  const t = useTranslations("common.certificateStatus");
  return <CertificateStatusBadgeText status={status} text={t(status)} />;
}

/** The same badge with its text translated by the caller: for a page rendered without hooks (lib/http/static-html.ts). */
export function CertificateStatusBadgeText({ status, text }: { status: CertificateStatus; text: string }) {
  return <Badge tone={CERTIFICATE_TONES[status]}>{text}</Badge>;
}
