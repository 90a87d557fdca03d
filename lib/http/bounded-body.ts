/**
 * Request bodies read with a byte budget: the bytes are counted as they arrive and reading stops
 * at the limit, whether or not the client sent a Content-Length (a chunked body has none, and a
 * declared length can lie). Nothing above the limit is ever held in memory.
 */
type BoundedBody = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; reason: "too_large" | "unreadable" };

/** Room for the multipart framing and the small fields around one file of the maximum size. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export async function readBoundedBody(request: Request, maxBytes: number): Promise<BoundedBody> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) return { ok: false, reason: "too_large" };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: "too_large" };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

type BoundedForm = { ok: true; form: FormData } | { ok: false; reason: "too_large" | "unreadable" | "not_multipart" };

/** A multipart form whose whole body stays within `maxBytes`. */
export async function readBoundedForm(request: Request, maxBytes: number): Promise<BoundedForm> {
  const type = request.headers.get("content-type") ?? "";
  if (type.split(";")[0].trim().toLowerCase() !== "multipart/form-data") return { ok: false, reason: "not_multipart" };
  const body = await readBoundedBody(request, maxBytes);
  if (!body.ok) return body;
  try {
    return { ok: true, form: await new Response(body.bytes, { headers: { "content-type": type } }).formData() };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}

/** A text body (JSON, a form-encoded token request) within `maxBytes`, else null. */
export async function readBoundedText(request: Request, maxBytes: number): Promise<string | null> {
  const body = await readBoundedBody(request, maxBytes);
  return body.ok ? new TextDecoder().decode(body.bytes) : null;
}
