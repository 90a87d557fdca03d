/**
 * W3C Bitstring Status List v1.0: the bitstring (index 0 is the left-most bit, i.e. the most
 * significant bit of the first byte), GZIP-compressed, multibase base64url (`u` prefix, no
 * padding). Uses the Compression Streams API, which both Node and browsers provide.
 */
import { base64url } from "jose";
import type { CredentialIssuer } from "./certificate-credential";
import {
  STATUS_LIST_CREDENTIAL_TYPE,
  STATUS_LIST_MIN_ENTRIES,
  STATUS_LIST_TTL_MS,
  VC_CONTEXT_V2,
  type StatusPurpose,
} from "./vocabulary";

const MULTIBASE_BASE64URL = "u";

type StatusListCredential = {
  "@context": string[];
  id: string;
  type: string[];
  issuer: CredentialIssuer;
  validFrom: string;
  credentialSubject: {
    id: string;
    type: "BitstringStatusList";
    statusPurpose: StatusPurpose;
    encodedList: string;
    ttl: number;
  };
};

/** Entries a list needs to hold `highestIndex`: at least the minimum, in whole multiples of it. */
export function statusListLength(highestIndex: number): number {
  return Math.max(1, Math.ceil((highestIndex + 1) / STATUS_LIST_MIN_ENTRIES)) * STATUS_LIST_MIN_ENTRIES;
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

/** The encoded list with the bits at `setIndexes` set, of `length` entries (a multiple of 8). */
export async function encodeStatusList(setIndexes: Iterable<number>, length: number): Promise<string> {
  if (length % 8 !== 0 || length < STATUS_LIST_MIN_ENTRIES) throw new RangeError(`Invalid status list length ${length}`);
  const bits = new Uint8Array(length / 8);
  for (const index of setIndexes) {
    if (!Number.isInteger(index) || index < 0 || index >= length) throw new RangeError(`Status list index ${index} out of range`);
    bits[index >> 3] |= 0x80 >> (index & 7);
  }
  return MULTIBASE_BASE64URL + base64url.encode(await transform(bits, new CompressionStream("gzip")));
}

export class StatusListFormatError extends Error {}

/** The uncompressed bitstring; refuses anything but multibase base64url GZIP of at least the minimum size. */
export async function decodeStatusList(encodedList: string): Promise<Uint8Array> {
  if (!encodedList.startsWith(MULTIBASE_BASE64URL)) throw new StatusListFormatError("not multibase base64url");
  let compressed: Uint8Array;
  try {
    compressed = base64url.decode(encodedList.slice(1));
  } catch {
    throw new StatusListFormatError("not base64url");
  }
  let bits: Uint8Array;
  try {
    bits = await transform(compressed, new DecompressionStream("gzip"));
  } catch {
    throw new StatusListFormatError("not GZIP");
  }
  if (bits.length * 8 < STATUS_LIST_MIN_ENTRIES) throw new StatusListFormatError("shorter than 131,072 entries");
  return bits;
}

/** The bit at `index`, or null when the list is shorter (a RANGE_ERROR in the specification). */
export function statusBitAt(bits: Uint8Array, index: number): boolean | null {
  if (!Number.isInteger(index) || index < 0 || index >= bits.length * 8) return null;
  return (bits[index >> 3] & (0x80 >> (index & 7))) !== 0;
}

export function buildStatusListCredential(options: {
  listUrl: string;
  issuer: CredentialIssuer;
  purpose: StatusPurpose;
  encodedList: string;
  validFrom: Date;
}): StatusListCredential {
  return {
    "@context": [VC_CONTEXT_V2],
    id: options.listUrl,
    type: ["VerifiableCredential", STATUS_LIST_CREDENTIAL_TYPE],
    issuer: options.issuer,
    validFrom: options.validFrom.toISOString().replace(/\.\d{3}Z$/, "Z"),
    credentialSubject: {
      id: `${options.listUrl}#list`,
      type: "BitstringStatusList",
      statusPurpose: options.purpose,
      encodedList: options.encodedList,
      ttl: STATUS_LIST_TTL_MS,
    },
  };
}
