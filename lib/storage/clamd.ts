/**
 * The malware scanner: ClamAV's daemon (Debian `clamav-daemon`) at `CLAMAV_SOCKET` — a Unix
 * socket path, or `tcp://host:port`. Files are streamed to it with INSTREAM, chunk by chunk as
 * storage hands them over, so no file is held in memory whole.
 *
 * A client of our own over node:net rather than the `clamscan` package: the app needs two
 * commands (INSTREAM and PING) and must tell "infected" from "the scanner failed" exactly — the
 * package wraps a whole configuration of local binaries and reports daemon errors loosely.
 * Protocol (clamd(8)): "zINSTREAM\0", then chunks as a 4-byte big-endian length and the bytes,
 * then a zero length; the reply is "stream: OK\0", "stream: <signature> FOUND\0" or
 * "<reason> ERROR\0" (for example when the stream exceeds clamd's StreamMaxLength).
 */
import "server-only";
import net from "node:net";

export type ClamdAddress = { path: string } | { host: string; port: number };

/** Bytes per INSTREAM chunk at most: storage streams hand over pieces of any size. */
const MAX_CHUNK_BYTES = 1024 * 1024;
/** A file of the 20 MB limit scans in well under a second; this long with no traffic is a hung daemon. */
const SCAN_IDLE_TIMEOUT_MS = 60_000;

/** `CLAMAV_SOCKET` is malformed (a tcp:// address without a valid port). */
export class ScannerConfigurationError extends Error {
  constructor(value: string) {
    super(`CLAMAV_SOCKET is neither a socket path nor tcp://host:port: ${value}`);
    this.name = "ScannerConfigurationError";
  }
}

/**
 * The scanner could not give a verdict: unreachable or timed out, or (`answered`) it replied with
 * an error about this stream — the daemon is up, only this file failed.
 */
export class ScannerUnavailableError extends Error {
  constructor(
    message: string,
    cause?: unknown,
    readonly answered = false,
  ) {
    super(`clamd: ${message}`, { cause });
    this.name = "ScannerUnavailableError";
  }
}

/** The scanner's address, or null when no scanner is configured (the demo: files are not scanned). */
export function clamdAddressFromEnv(env: Partial<NodeJS.ProcessEnv> = process.env): ClamdAddress | null {
  const value = env.CLAMAV_SOCKET?.trim();
  if (!value) return null;
  if (!value.startsWith("tcp://")) return { path: value };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ScannerConfigurationError(value);
  }
  const port = Number(url.port);
  if (!url.hostname || !Number.isInteger(port) || port <= 0) throw new ScannerConfigurationError(value);
  return { host: url.hostname.replace(/^\[|\]$/g, ""), port };
}

/** Whether uploads are held as "pending scan" until the scanner has answered. */
export function malwareScannerConfigured(env: Partial<NodeJS.ProcessEnv> = process.env): boolean {
  return Boolean(env.CLAMAV_SOCKET?.trim());
}

type ScanVerdict = { infected: false } | { infected: true; signature: string };

/**
 * One conversation with clamd: `talk` writes the command; the answer is the text up to the
 * terminating NUL. Every failure (refused connection, reset, silence longer than the timeout,
 * connection closed without an answer) is a ScannerUnavailableError.
 */
async function converse(address: ClamdAddress, timeoutMs: number, talk: (socket: net.Socket, answered: Promise<string>) => Promise<void>): Promise<string> {
  const socket = "path" in address ? net.createConnection({ path: address.path }) : net.createConnection({ host: address.host, port: address.port });
  socket.setTimeout(timeoutMs);
  const received: Buffer[] = [];
  const answered = new Promise<string>((resolve, reject) => {
    const text = () => Buffer.concat(received).toString("utf8");
    socket.on("data", (data: Buffer) => {
      received.push(data);
      const reply = text();
      const end = reply.indexOf("\0");
      if (end >= 0) resolve(reply.slice(0, end));
    });
    socket.on("end", () => (received.length > 0 ? resolve(text().replace(/\0+$/, "")) : reject(new ScannerUnavailableError("closed the connection without an answer"))));
    socket.on("timeout", () => {
      reject(new ScannerUnavailableError(`no answer within ${timeoutMs} ms`));
      socket.destroy();
    });
    socket.on("error", (error) => reject(new ScannerUnavailableError(error.message, error)));
    socket.on("close", () => reject(new ScannerUnavailableError("connection closed")));
  });
  // Observed here so a failure while `talk` still writes is not an unhandled rejection; the
  // awaits below see it.
  answered.catch(() => undefined);
  try {
    await Promise.race([
      new Promise<void>((resolve) => socket.once("connect", () => resolve())),
      answered.then(() => {
        throw new ScannerUnavailableError("answered before the command was sent");
      }),
    ]);
    await talk(socket, answered);
    return (await answered).trim();
  } finally {
    socket.destroy();
  }
}

/** Writes with backpressure; gives up when clamd answers or fails meanwhile. */
async function write(socket: net.Socket, bytes: Uint8Array, answered: Promise<string>): Promise<void> {
  if (socket.write(bytes)) return;
  await Promise.race([
    new Promise<void>((resolve) => socket.once("drain", () => resolve())),
    // An answer before the stream ended is clamd refusing it (e.g. its size limit): read it.
    answered.then(() => undefined),
  ]);
}

function lengthPrefix(length: number): Buffer {
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32BE(length);
  return prefix;
}

/** Reads clamd's verdict: OK, "<signature> FOUND", anything else is a failure to scan. */
export function parseScanReply(reply: string): ScanVerdict {
  const answer = reply.replace(/^stream:\s*/, "");
  if (answer === "OK") return { infected: false };
  const found = /^(.+) FOUND$/.exec(answer);
  if (found) return { infected: true, signature: found[1] };
  throw new ScannerUnavailableError(`could not scan: ${answer || "empty answer"}`, undefined, true);
}

/**
 * Scans a stream (a stored file as storage hands it over) and answers clean or infected with
 * the signature's name; throws ScannerUnavailableError when clamd gives no verdict. The stream
 * is read to its end or cancelled.
 */
export async function scanStream(address: ClamdAddress, body: ReadableStream<Uint8Array>, timeoutMs = SCAN_IDLE_TIMEOUT_MS): Promise<ScanVerdict> {
  const reader = body.getReader();
  let finished = false;
  try {
    const reply = await converse(address, timeoutMs, async (socket, answered) => {
      let early = false;
      void answered.then(
        () => (early = true),
        () => (early = true),
      );
      await write(socket, Buffer.from("zINSTREAM\0"), answered);
      while (!early) {
        const { done, value } = await reader.read();
        if (done) {
          finished = true;
          break;
        }
        for (let offset = 0; offset < value.byteLength && !early; offset += MAX_CHUNK_BYTES) {
          const piece = value.subarray(offset, offset + MAX_CHUNK_BYTES);
          await write(socket, lengthPrefix(piece.byteLength), answered);
          await write(socket, piece, answered);
        }
      }
      if (!early) await write(socket, lengthPrefix(0), answered);
    });
    return parseScanReply(reply);
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** Throws ScannerUnavailableError unless clamd answers PING with PONG. */
export async function pingClamd(address: ClamdAddress, timeoutMs: number): Promise<void> {
  const reply = await converse(address, timeoutMs, async (socket, answered) => write(socket, Buffer.from("zPING\0"), answered));
  if (reply !== "PONG") throw new ScannerUnavailableError(`answered PING with ${reply || "nothing"}`);
}
