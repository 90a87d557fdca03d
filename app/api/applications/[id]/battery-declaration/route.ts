import { getCurrentUser } from "@/lib/auth/current-user";
import { renderBatteryDeclarationPdf } from "@/lib/certificates/battery-declaration-pdf";
import { bilingualDeclarationStrings } from "@/lib/certificates/bilingual-strings";
import { artifactLocale } from "@/lib/certificates/download";
import { DeclarationRefusedError, getBatteryDeclaration } from "@/lib/dal/battery-declaration";
import { OperationError, UnauthenticatedError } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/http/content-disposition";
import { declarationRefusalResponse } from "@/lib/http/declaration-refusal";
import { refusalResponse } from "@/lib/http/refusal";

export const dynamic = "force-dynamic";

/**
 * The EU battery carbon footprint declaration of an application (Regulation (EU) 2023/1542,
 * Article 7): `?format=pdf` (bilingual) or `?format=json` (Battery Pass data model v1.2).
 * Where the declaration would be false the answer is 422 with every reason (`?lang=en` for
 * English text).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const searchParams = new URL(request.url).searchParams;
  const locale = artifactLocale(searchParams);
  const format = searchParams.get("format") ?? "pdf";
  if (format !== "pdf" && format !== "json") {
    return Response.json({ error: "validation.choice", message: "format must be pdf or json" }, { status: 400 });
  }
  const user = await getCurrentUser();
  if (!user) return refusalResponse(new UnauthenticatedError(), locale);
  try {
    const { document, fileName } = await getBatteryDeclaration(user, (await params).id);
    if (format === "json") {
      return new Response(JSON.stringify(document, null, 2), {
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "Content-Disposition": attachmentDisposition(`${fileName}.json`),
          "Cache-Control": "private, no-store",
        },
      });
    }
    const pdf = await renderBatteryDeclarationPdf(document, bilingualDeclarationStrings());
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": attachmentDisposition(`${fileName}.pdf`),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof DeclarationRefusedError) return declarationRefusalResponse(error.refusals, locale);
    if (error instanceof OperationError) return refusalResponse(error, locale);
    throw error;
  }
}
