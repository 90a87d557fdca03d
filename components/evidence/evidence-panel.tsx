import { Download } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listEvidence } from "@/lib/dal/evidence";
import { evidenceTypeLabel } from "@/lib/evidence/rules";
import { EvidenceDeleteButton } from "./evidence-delete-button";
import { EvidenceUploadForm } from "./evidence-upload-form";
import { Sha256Value } from "./sha256-value";

type Props = {
  applicationId: string;
  /** Only this line's files; without it, every file of the application. */
  lineId?: string;
  /** The owner may attach and delete (the caller knows whether the application is editable). */
  editable: boolean;
};

/**
 * The evidence of an application (or of one line) as the signed-in user may
 * see it, with downloads, and for the owner of an editable application the
 * upload form and delete buttons. The server still checks every action.
 */
export async function EvidencePanel({ applicationId, lineId, editable }: Props) {
  const user = await getCurrentUser();
  if (!user) return null;
  const [files, t, format] = await Promise.all([
    listEvidence(user, applicationId, { lineId }),
    getTranslations("evidence"),
    getFormatter(),
  ]);
  const fileSize = (bytes: number) =>
    bytes >= 1024 * 1024
      ? format.number(bytes / 1024 / 1024, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 })
      : format.number(Math.max(bytes / 1024, 0.1), { style: "unit", unit: "kilobyte", maximumFractionDigits: 1 });
  const canDelete = (uploaderOrganizationId: string) => editable && uploaderOrganizationId === user.organizationId;

  return (
    <Card>
      <CardHeader title={t("title")} description={lineId ? t("lineDescription") : t("description")} />
      <CardBody className="space-y-4">
        {files.length === 0 ? (
          <EmptyState title={t("empty")} description={editable ? t("emptyHint") : undefined} />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("file")}</Th>
                <Th>{t("type")}</Th>
                <Th className="text-right">{t("size")}</Th>
                <Th>{t("sha256")}</Th>
                <Th>{t("uploadedBy")}</Th>
                <Th>{t("uploadedAt")}</Th>
                <Th>
                  <span className="sr-only">{t("actions")}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {files.map((file) => (
                <tr key={file.id}>
                  <Td className="max-w-64 break-words font-medium text-slate-900">{file.fileName}</Td>
                  <Td>{evidenceTypeLabel(file.mimeType)}</Td>
                  <Td className="whitespace-nowrap text-right tabular-nums">{fileSize(file.sizeBytes)}</Td>
                  <Td>
                    <Sha256Value value={file.sha256} fileName={file.fileName} />
                  </Td>
                  <Td>
                    {file.uploaderName}
                    <span className="block text-xs text-slate-600">{file.uploaderOrganization}</span>
                  </Td>
                  <Td className="whitespace-nowrap">{format.dateTime(file.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
                  <Td className="whitespace-nowrap">
                    <a
                      href={`/api/evidence/${file.id}`}
                      download={file.fileName}
                      className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline"
                      aria-label={t("downloadNamed", { name: file.fileName })}
                    >
                      <Download className="size-4" aria-hidden />
                      {t("download")}
                    </a>
                    {canDelete(file.uploaderOrganizationId) ? <EvidenceDeleteButton evidenceId={file.id} fileName={file.fileName} /> : null}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {editable ? <EvidenceUploadForm applicationId={applicationId} lineId={lineId} /> : null}
      </CardBody>
    </Card>
  );
}
