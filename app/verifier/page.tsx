import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { ApplicationStatusBadge } from "@/components/status-badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES } from "@/lib/auth/permissions";
import { listBodyQueue } from "@/lib/dal/verifier-queue";

export default async function VerifierQueue() {
  const user = await requirePageUser(AREA_ROLES.verifier, "/verifier");
  const rows = await listBodyQueue(user);
  const t = await getTranslations("verifier");
  const locale = await getLocale();
  const en = locale === "en";
  return (
    <>
      <PageHeader title={t("queueTitle")} description={user.organizationName} />
      {rows.length === 0 ? (
        <EmptyState title={t("queueEmpty")} description={t("queueEmptyHint")} />
      ) : (
        <Card>
          <Table>
            <thead>
              <tr>
                <Th>{t("product")}</Th>
                <Th>{t("enterprise")}</Th>
                <Th>{t("category")}</Th>
                <Th>{t("stage")}</Th>
                <Th>{t("daysWaiting")}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <Td>
                    <Link className="font-medium text-brand-700 hover:underline" href={`/verifier/applications/${row.id}`}>
                      {en ? row.productNameEn : row.productNameZh}
                    </Link>
                  </Td>
                  <Td>{en ? (row.enterpriseNameEn ?? row.enterpriseName) : row.enterpriseName}</Td>
                  <Td>{en ? row.categoryEn : row.categoryZh}</Td>
                  <Td>
                    <ApplicationStatusBadge status={row.status} />
                  </Td>
                  <Td>{row.daysWaiting}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
    </>
  );
}
