"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Table, Td, Th } from "@/components/ui/table";
import type { AffectedCertificate } from "@/lib/dal/factors";

/** Certificates a finished impact run found moved by more than 10 %; their enterprises have been notified. */
export function AffectedCertificates({ affected }: { affected: readonly AffectedCertificate[] }) {
  const t = useTranslations("factors");
  const format = useFormatter();
  if (affected.length === 0) return <Alert tone="info">{t("noAffected")}</Alert>;
  return (
    <div className="space-y-2">
      <Alert tone="warning">{t("affectedIntro", { count: affected.length })}</Alert>
      <Table>
        <caption className="sr-only">{t("affectedTitle")}</caption>
        <thead>
          <tr>
            <Th>{t("certificate")}</Th>
            <Th>{t("enterprise")}</Th>
            <Th className="text-right">{t("shift")}</Th>
          </tr>
        </thead>
        <tbody>
          {affected.map((certificate) => (
            <tr key={certificate.certificateId}>
              <Td className="font-mono text-xs">{certificate.number}</Td>
              <Td>{certificate.enterpriseName}</Td>
              <Td className="text-right tabular-nums">
                {format.number(Number(certificate.shift), { style: "percent", maximumFractionDigits: 1, signDisplay: "always" })}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
