import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { BodySigningKeys } from "@/lib/dal/credentials";
import { CREDENTIAL_PATHS } from "@/lib/credentials/vocabulary";
import { RotateKeyForm } from "./rotate-key-form";
import { DATE_TIME_FORMAT } from "@/lib/i18n/date-format";
import { localName } from "@/lib/i18n/names";

/** Each body's keys, newest first, with rotation where the actor may rotate. */
export async function SigningKeysPanel({ bodies }: { bodies: BodySigningKeys[] }) {
  const [t, format, locale] = await Promise.all([getTranslations("credentials.keys"), getFormatter(), getLocale()]);
  const when = (value: Date | null) => (value ? format.dateTime(value, DATE_TIME_FORMAT) : "—");
  if (bodies.length === 0) return <EmptyState title={t("noBodies")} />;
  return (
    <div className="space-y-6">
      {bodies.map(({ body, keys, canRotate }) => (
        <Card key={body.id}>
          <CardHeader
            title={localName(body.name, body.nameEn, locale)}
            description={
              <a href={CREDENTIAL_PATHS.issuerJwks(body.id)} className="break-all font-mono text-xs text-brand-700 underline-offset-4 hover:underline">
                {t("publishedAt", { url: CREDENTIAL_PATHS.issuerJwks(body.id) })}
              </a>
            }
          />
          <CardBody className="space-y-4">
            {keys.length === 0 ? (
              <p className="text-sm text-slate-600">{t("none")}</p>
            ) : (
              <Table>
                <thead>
                  <tr>
                    <Th>{t("kid")}</Th>
                    <Th>{t("status")}</Th>
                    <Th>{t("createdAt")}</Th>
                    <Th>{t("retiredAt")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {keys.map((key) => (
                    <tr key={key.kid}>
                      <Td className="font-mono text-xs break-all">{key.kid}</Td>
                      <Td>{t(key.status)}</Td>
                      <Td>{when(key.createdAt)}</Td>
                      <Td>{when(key.retiredAt)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
            {canRotate ? <RotateKeyForm verificationBodyId={body.id} /> : null}
          </CardBody>
        </Card>
      ))}
    </div>
  );
}
