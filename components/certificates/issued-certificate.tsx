import Link from "next/link";
import { useTranslations } from "next-intl";
import { CertificateStatusBadge } from "@/components/status-badge";
import { Alert } from "@/components/ui/alert";
import type { IssuedCertificate } from "@/lib/dal/certificates";
import { LabelPageLink } from "./label-page-link";
import { SupplierDependencies } from "./supplier-dependencies";

/**
 * The certificate an approval issued, on the application pages of both sides: its public page
 * (what a buyer scanning the label sees) and the reader's own list of certificates.
 */
export function IssuedCertificateNotice({ certificate, side }: { certificate: IssuedCertificate; side: "holder" | "body" }) {
  const t = useTranslations("certificates.issued");
  return (
    <Alert tone="success">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{t("title", { number: certificate.number })}</span>
        <CertificateStatusBadge status={certificate.status} />
        {certificate.grade !== null ? <span className="text-sm">{t("grade", { grade: certificate.grade })}</span> : null}
      </div>
      <SupplierDependencies dependencies={certificate.supplierDependencies} />
      <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <LabelPageLink className="font-medium text-brand-700 underline" number={certificate.number}>
          {t("publicPage")}
        </LabelPageLink>
        <Link className="font-medium text-brand-700 underline" href={side === "holder" ? "/enterprise" : "/verifier/certificates"}>
          {t(side === "holder" ? "holderList" : "bodyList")}
        </Link>
      </p>
    </Alert>
  );
}
