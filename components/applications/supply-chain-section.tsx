import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { CertificateStatusBadge } from "@/components/status-badge";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { SupplierFootprintKind } from "@/lib/calc/supplier-share";
import type { SupplyChainView } from "@/lib/dal/supply/chain";

const KIND_TONE: Record<SupplierFootprintKind, "success" | "info" | "warning"> = { certified: "success", imported_verified: "info", self_declared: "warning" };

/**
 * The chain under a footprint, on the application pages of the owner and of its verifier: the
 * lines priced with suppliers' footprints, what kind each is, the supplier certificate's status
 * today (linking to its public label) and the share of the calculation's headline each carries.
 */
export function SupplyChainSection({ chain }: { chain: SupplyChainView }) {
  const t = useTranslations("supply.chain");
  const format = useFormatter();
  const percent = (share: string) => format.number(Number(share), { style: "percent", maximumFractionDigits: 1 });
  return (
    <section aria-labelledby="supply-chain-title" className="space-y-3" data-testid="supply-chain">
      <h3 id="supply-chain-title" className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h3>
      {chain.lines.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <>
          {chain.shares ? (
            <p className="text-sm text-slate-700">
              {t("summary", { supplier: percent(chain.shares.supplierShare), verified: percent(chain.shares.verifiedSupplierShare) })}
            </p>
          ) : (
            <p className="text-sm text-slate-600">{t("noCalculation")}</p>
          )}
          <Table>
            <caption className="sr-only">{t("title")}</caption>
            <thead>
              <tr>
                <Th>{t("line")}</Th>
                <Th>{t("kind")}</Th>
                <Th>{t("supplier")}</Th>
                <Th className="text-right">{t("share")}</Th>
              </tr>
            </thead>
            <tbody>
              {chain.lines.map((line) => (
                <tr key={line.lineId}>
                  <Td>{line.description}</Td>
                  <Td>
                    <Badge tone={KIND_TONE[line.kind]}>{t(`kinds.${line.kind}`)}</Badge>
                  </Td>
                  <Td>
                    <span className="block">{line.supplierName}</span>
                    {line.certificate ? (
                      <span className="mt-1 flex flex-wrap items-center gap-2">
                        <Link className="font-mono text-xs font-medium text-brand-700 underline" href={line.certificate.labelPath}>
                          {line.certificate.number}
                        </Link>
                        <CertificateStatusBadge status={line.certificate.status} />
                      </span>
                    ) : null}
                  </Td>
                  <Td className="text-right tabular-nums">{line.share === null ? t("notCalculated") : percent(line.share)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </section>
  );
}
