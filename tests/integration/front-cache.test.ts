/**
 * The label page's caching front as deployed: Debian's varnishd running deploy/varnish.vcl, in
 * front of a backend of the test's own (the real JSON route for /api/labels/N, an echo of the
 * address for the pages). No varnishd installed is a failure, never a skip: CI installs it.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as labelJson } from "@/app/api/labels/[number]/route";
import { suspendCertificateAction } from "@/lib/actions/certificates/suspend-certificate";
import { banCertificatesAtFronts } from "@/lib/front-cache/ban";
import { startVarnishFront, type VarnishFront } from "@/scripts/varnish-front";
import { createIssuedCertificate } from "../support/certificate-fixtures";
import { actAs } from "../support/factories";
import { labelPageDestination } from "../support/label-routing";
import { freePort } from "../support/own-postgres";

/** What the backend was asked for, in order: the address and the cookie it saw. */
const fetched: { url: string; cookie?: string }[] = [];
/** Per address, how the echo answers: a status and headers other than 200 and none, or slowly. */
const special = new Map<string, { status: number; headers?: Record<string, string>; delayMs?: number }>();

async function answer(request: http.IncomingMessage, response: http.ServerResponse) {
  const url = request.url ?? "/";
  fetched.push({ url, cookie: request.headers.cookie });
  const json = url.match(/^\/api\/labels\/([^/]+)$/);
  if (json && !special.has(url)) {
    const reply = await labelJson(new Request(`http://portal.test${url}`), { params: Promise.resolve({ number: json[1] }) });
    response.writeHead(reply.status, Object.fromEntries(reply.headers));
    response.end(Buffer.from(await reply.arrayBuffer()));
    return;
  }
  const { status, headers, delayMs } = special.get(url) ?? { status: 200 };
  if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
  response.writeHead(status, { "Content-Type": "text/plain", "Cache-Control": "public, max-age=0, must-revalidate", ...headers });
  response.end(`${url} #${fetched.length}`);
}

let backend: http.Server;
let front: VarnishFront;

beforeAll(async () => {
  backend = http.createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => backend.listen(0, "127.0.0.1", resolve));
  const { port } = backend.address() as AddressInfo;
  front = await startVarnishFront({ port: await freePort(), purgePort: await freePort(), upstream: `127.0.0.1:${port}` });
});

afterAll(async () => {
  await front?.stop();
  await new Promise((resolve) => backend?.close(resolve));
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${front.url}${path}`, { headers });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** Whether the front asked the backend for `url` while `act` ran. */
async function fetchesDuring(url: string, act: () => Promise<unknown>): Promise<number> {
  const before = fetched.length;
  await act();
  return fetched.slice(before).filter((each) => each.url === url).length;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

const unique = (prefix: string) => `CFP-${prefix}-2026-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;

describe("the label page's caching front (issue 15)", () => {
  it("sends /labels/N where Next.js's router would, for every kind of visitor", async () => {
    const visitors: Record<string, string>[] = [
      {},
      { Accept: "text/html,application/xhtml+xml" },
      { Accept: "application/json" },
      { Accept: "application/json", Cookie: "NEXT_LOCALE=en" },
      { "Accept-Language": "en-GB,en;q=0.9" },
      { "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8" },
      { "Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5" },
      { "Accept-Language": "de, zh-TW;q=0.8, en;q=0.7" },
      { "Accept-Language": "ja;q=0.9,,en" },
      { "Accept-Language": "\ten" },
      { "Accept-Language": "zhx,en" },
      { "Accept-Language": "en", Cookie: "NEXT_LOCALE=zh-CN" },
      { "Accept-Language": "zh-CN", Cookie: "theme=dark; NEXT_LOCALE=en" },
      { "Accept-Language": "zh-CN", Cookie: "NEXT_LOCALE=en; theme=dark" },
      { "Accept-Language": "en", Cookie: "NEXT_LOCALE=fr" },
      { "Accept-Language": "en", Cookie: "XNEXT_LOCALE=zh-CN" },
      { Cookie: "NEXT_LOCALE=english" },
    ];
    const number = unique("ROUTE");
    for (const headers of visitors) {
      const expected = labelPageDestination(`/labels/${number}`, headers);
      const { body } = await get(`/labels/${number}`, headers);
      // The echo names the address it was asked for (or the JSON route answers, here a 404).
      if (expected?.startsWith("/api/")) expect(body, JSON.stringify(headers)).toContain('"genuine":false');
      else expect(body.split(" ")[0], JSON.stringify(headers)).toBe(expected);
    }
  });

  it("keeps one answer per address for everyone, asks the instance once, and passes every other address through", async () => {
    const number = unique("HIT");
    const page = `/zh-CN/labels/${number}`;
    expect(
      await fetchesDuring(page, async () => {
        await get(`/labels/${number}`, { Cookie: "session=alice" });
        await get(`/labels/${number}`, { Cookie: "session=bob" });
        await get(page);
        await get(`/labels/${number}`, { "Accept-Language": "zh" });
      }),
    ).toBe(1);
    // No visitor's cookie reaches the instance for a cached address.
    expect(fetched.find((each) => each.url === page)?.cookie).toBeUndefined();
    const second = await get(page);
    expect(second.headers.get("x-varnish")?.split(" ")).toHaveLength(2);
    expect(second.headers.has("x-certificate-number")).toBe(false);

    for (const path of ["/registry", `/labels/${number}/extra`, `/labels/${number}?lang=en`, "/labels/CFP_CQ"]) {
      expect(await fetchesDuring(path, async () => (await get(path), await get(path))), path).toBe(2);
    }
  });

  it("never keeps an error or an answer that sets a cookie; keeps an unknown number's 404", async () => {
    const broken = `/en/labels/${unique("DOWN")}`;
    special.set(broken, { status: 503 });
    expect(await fetchesDuring(broken, async () => (await get(broken), await get(broken)))).toBe(2);
    const cookie = `/en/labels/${unique("COOKIE")}`;
    special.set(cookie, { status: 200, headers: { "Set-Cookie": "session=someone" } });
    expect(await fetchesDuring(cookie, async () => (await get(cookie), await get(cookie)))).toBe(2);
    const missing = `/en/labels/${unique("GONE")}`;
    special.set(missing, { status: 404 });
    expect(await fetchesDuring(missing, async () => (await get(missing), await get(missing)))).toBe(1);
  });

  it("refreshes an answer after 5 s without keeping the visitor waiting, and never serves one older than 10 s", async () => {
    const [refreshed, idle] = [`/en/labels/${unique("FRESH")}`, `/en/labels/${unique("IDLE")}`];
    const first = { refreshed: (await get(refreshed)).body, idle: (await get(idle)).body };
    const firstFetched = performance.now();
    await sleep(5_300);

    // Past its 5 s, the answer is served once more while the slow instance is asked again.
    special.set(refreshed, { status: 200, delayMs: 1_500 });
    const started = performance.now();
    expect((await get(refreshed)).body).toBe(first.refreshed);
    expect(performance.now() - started).toBeLessThan(1_000);
    await sleep(1_800);
    const next = await get(refreshed);
    expect(next.body).not.toBe(first.refreshed);
    expect(Number(next.headers.get("age"))).toBeLessThan(3);

    // Nobody asked in its 10 s: the next visitor gets a new answer, not the old one.
    await sleep(10_300 - (performance.now() - firstFetched));
    expect(await fetchesDuring(idle, async () => expect((await get(idle)).body).not.toBe(first.idle))).toBe(1);
  }, 20_000);

  it("bans every answer of one certificate, in any case of its number, and no other's", async () => {
    const [number, other] = [unique("BAN"), unique("KEEP")];
    const addresses = [`/zh-CN/labels/${number}`, `/en/labels/${number}`, `/en/labels/${number.toLowerCase()}`];
    for (const address of [...addresses, `/en/labels/${other}`]) await get(address);

    expect(await banCertificatesAtFronts([number], { FRONT_CACHE_PURGE_URLS: front.purgeUrl })).toEqual([
      { front: front.purgeUrl, number, banned: true },
    ]);
    for (const address of addresses) expect(await fetchesDuring(address, () => get(address)), address).toBe(1);
    expect(await fetchesDuring(`/en/labels/${other}`, () => get(`/en/labels/${other}`))).toBe(0);
  });

  it("takes bans on the purge listener only, for well-formed numbers only", async () => {
    const number = unique("GUARD");
    await get(`/en/labels/${number}`);
    const throughPublic = await fetch(`${front.url}/`, { method: "BAN", headers: { "X-Certificate-Number": number } });
    expect(throughPublic.status).toBe(405);
    const malformed = await fetch(front.purgeUrl, { method: "BAN", headers: { "X-Certificate-Number": "x == x" } });
    expect(malformed.status).toBe(400);
    const notBan = await fetch(`${front.purgeUrl}/en/labels/${number}`);
    expect(notBan.status).toBe(405);
    expect(await fetchesDuring(`/en/labels/${number}`, () => get(`/en/labels/${number}`))).toBe(0);
  });

  it("shows a suspension on the next request through the front: the action bans after its commit", async () => {
    const { certificate, verifier } = await createIssuedCertificate();
    const json = (headers: Record<string, string> = {}) => get(`/labels/${certificate.number}`, { Accept: "application/json", ...headers });
    expect(JSON.parse((await json()).body)).toMatchObject({ number: certificate.number, status: "valid" });

    actAs(verifier);
    process.env.FRONT_CACHE_PURGE_URLS = front.purgeUrl;
    try {
      expect(await suspendCertificateAction({ certificateId: certificate.id, expectedVersion: 1, reason: "Label misused" })).toMatchObject({ ok: true });
    } finally {
      delete process.env.FRONT_CACHE_PURGE_URLS;
    }
    expect(JSON.parse((await json()).body)).toMatchObject({ status: "suspended" });
  });

  it("without a ban the front keeps its answer: a status change then shows only when it expires", async () => {
    const { certificate, verifier } = await createIssuedCertificate();
    const json = () => get(`/labels/${certificate.number}`, { Accept: "application/json" });
    expect(JSON.parse((await json()).body)).toMatchObject({ status: "valid" });
    actAs(verifier);
    expect(await suspendCertificateAction({ certificateId: certificate.id, expectedVersion: 1, reason: "Label misused" })).toMatchObject({ ok: true });
    expect(JSON.parse((await json()).body)).toMatchObject({ status: "valid" });
  });

  it("reports a front it cannot reach, and the status change still succeeds", async () => {
    const { certificate, verifier } = await createIssuedCertificate();
    const unreachable = `http://127.0.0.1:${await freePort()}`;
    expect(await banCertificatesAtFronts([certificate.number], { FRONT_CACHE_PURGE_URLS: unreachable })).toEqual([
      { front: unreachable, number: certificate.number, banned: false, problem: expect.any(String) },
    ]);
    actAs(verifier);
    process.env.FRONT_CACHE_PURGE_URLS = unreachable;
    try {
      expect(await suspendCertificateAction({ certificateId: certificate.id, expectedVersion: 1, reason: "Label misused" })).toMatchObject({ ok: true });
    } finally {
      delete process.env.FRONT_CACHE_PURGE_URLS;
    }
  });
});
