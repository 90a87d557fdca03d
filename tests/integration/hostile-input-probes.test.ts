/**
 * Hostile-input probes (issue 11, defect 7): every route handler of the app, and the reads behind
 * every page that takes an id or filters from the address, called with generated hostile path
 * segments, query strings and bodies, as an anonymous visitor, a signed-in person of each role and
 * an API client. None may answer ≥ 500, throw, or log an unexpected server error. The counts are
 * printed at the end.
 */
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { parseManagedQuery } from "@/components/certificates/managed-certificates";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { API_SCOPES } from "@/lib/enums";
import { listUsers } from "@/lib/dal/admin-directory";
import { listAuditEvents } from "@/lib/dal/audit-trail";
import { listManagedCertificates } from "@/lib/dal/certificates";
import { getApplicationPage } from "@/lib/dal/enterprise-application";
import { getOwnProduct } from "@/lib/dal/enterprise-products";
import { getFactorsPage } from "@/lib/dal/factors";
import { findPublicCertificate, getRegistryPage } from "@/lib/dal/public-certificates";
import { loadVerifierApplication } from "@/lib/dal/verifier-application";
import { getBodyQueuePage } from "@/lib/dal/verifier-queue";
import { registryQuerySchema } from "@/lib/validation/schemas/certificates";
import { verifierQueueFiltersSchema } from "@/lib/validation/schemas/verification";
import { auditFiltersSchema, factorSearchSchema } from "@/lib/validation/schemas/regulator";
import { userSearchSchema } from "@/lib/validation/schemas/organizations";
import { accessToken, BASE_URL, createClientFor } from "../support/api-clients";
import { actAs } from "../support/factories";
import { createWorld, type TestUser, type World } from "../support/authz/world";
import { hostileString, hostileValue } from "../support/hostile-input";

type Handler = (request: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Record<string, unknown>;

const ROUTE_MODULES = import.meta.glob<RouteModule>("/app/**/route.ts");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const QUERY_KEYS = ["q", "from", "to", "category", "district", "region", "year", "key", "status", "grade", "page", "cursor", "limit", "format", "filter", "$filter", "before", "action", "organization", "product", "lang"];
const RUNS_PER_HANDLER = 18;
const RUNS_PER_PAGE = 60;

const tally = { routeInputs: 0, pageInputs: 0, serverErrors: 0, unhandled: 0, loggedErrors: 0 };
let failures: string[] = [];

let world: World;
let token: string;
const callers: Array<TestUser | null> = [];

/** Next's notFound() / forbidden() / redirect() thrown from a handler: answered as 404 / 403 / 3xx by Next. */
function isNavigationInterrupt(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest.startsWith("NEXT_REDIRECT"));
}

/** The route's path and its dynamic segments, from the file's place under app/. */
function routeOf(file: string): { path: string; segments: string[] } {
  const parts = file.replace(/^\/app\//, "").replace(/\/?route\.ts$/, "").split("/").filter((part) => !/^\(.*\)$/.test(part));
  const segments = parts.filter((part) => part.startsWith("[")).map((part) => part.replace(/^\[(\.\.\.)?/, "").replace(/\]$/, ""));
  return { path: `/${parts.join("/")}`, segments };
}

function hostileRequest(method: string, path: string, query: [string, string][], body: unknown, useToken: boolean, asForm: boolean): NextRequest {
  const url = new URL(path.replace(/\[[^\]]+\]/g, "x"), BASE_URL);
  for (const [key, value] of query) url.searchParams.append(key, value);
  const headers: Record<string, string> = { "accept-language": "en", origin: BASE_URL };
  if (useToken) headers.authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (method !== "GET" && method !== "DELETE") {
    if (asForm) {
      const form = new FormData();
      for (const [key, value] of Object.entries(body && typeof body === "object" ? body : { value: body })) form.append(key, typeof value === "string" ? value : JSON.stringify(value));
      payload = form;
    } else {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body);
    }
  }
  return new NextRequest(url, { method, headers, body: payload });
}

async function probe(label: string, run: () => Promise<Response | unknown>, counter: "routeInputs" | "pageInputs") {
  tally[counter] += 1;
  try {
    const outcome = await run();
    if (outcome instanceof Response) {
      await outcome.arrayBuffer().catch(() => undefined);
      if (outcome.status >= 500) {
        tally.serverErrors += 1;
        failures.push(`${label} → ${outcome.status}`);
      }
    }
  } catch (error) {
    if (isNavigationInterrupt(error)) return;
    // A refusal the page turns into its error state (OperationError subclasses carry a message key).
    if (error instanceof Error && error.constructor.name.endsWith("Error") && "status" in error) return;
    tally.unhandled += 1;
    failures.push(`${label} threw ${(error as Error).message?.slice(0, 200)}`);
  }
}

let errorLog: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  failures = [];
  errorLog = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    tally.loggedErrors += 1;
    failures.push(`logged: ${args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(" ").slice(0, 200)}`);
  });
});
afterEach(() => errorLog.mockRestore());

beforeAll(async () => {
  world = await createWorld("500000", "510000");
  token = await accessToken(await createClientFor(world.users.enterprise, { scopes: [...API_SCOPES] }));
  callers.push(null, world.users.enterprise, world.users.verifier, world.users.reviewer, world.users.regulator, world.users.admin);
});

afterAll(() => {
  console.info(
    `[hostile-input probes] ${tally.routeInputs} route-handler inputs over ${Object.keys(ROUTE_MODULES).length} route files, ${tally.pageInputs} page-read inputs; ` +
      `${tally.serverErrors} responses ≥ 500, ${tally.unhandled} unhandled exceptions, ${tally.loggedErrors} server errors logged`,
  );
});

describe("every route handler, hostile input", () => {
  for (const [file, load] of Object.entries(ROUTE_MODULES)) {
    if (file.includes("[...nextauth]")) continue;
    const { path, segments } = routeOf(file);
    it(`${path}`, async () => {
      const route = await load();
      for (const method of METHODS) {
        const handler = route[method] as Handler | undefined;
        if (typeof handler !== "function") continue;
        const input = fc.record({
          params: fc.tuple(...segments.map(() => hostileString)),
          query: fc.array(fc.tuple(fc.constantFrom(...QUERY_KEYS), hostileString), { maxLength: 4 }),
          body: fc.dictionary(fc.constantFrom("name", "applicationId", "description", "quantity", "value", "reason", "from", "to", "grant_type", "scope"), hostileValue, { maxKeys: 5 }),
          caller: fc.nat({ max: callers.length }),
          asForm: fc.boolean(),
        });
        for (const sample of fc.sample(input, { numRuns: RUNS_PER_HANDLER, seed: 11 })) {
          const useToken = sample.caller === callers.length;
          const caller = useToken ? null : callers[sample.caller];
          actAs(caller);
          const params = Object.fromEntries(segments.map((name, index) => [name, sample.params[index]]));
          const request = hostileRequest(method, path, sample.query, sample.body, useToken, sample.asForm);
          await probe(`${method} ${path} ${JSON.stringify(params)} ${request.url}`, () => handler(request, { params: Promise.resolve(params) }), "routeInputs");
        }
      }
      expect(failures).toEqual([]);
    });
  }
});

describe("the reads behind pages with an id or filters in the address, hostile input", () => {
  async function as(user: TestUser): Promise<CurrentUser> {
    actAs(user);
    const current = await getCurrentUser();
    if (!current) throw new Error("no session");
    return current;
  }
  const samples = (arbitrary: fc.Arbitrary<string>) => fc.sample(arbitrary, { numRuns: RUNS_PER_PAGE, seed: 7 });
  const filterRecord = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys), hostileString, { maxKeys: keys.length });

  it("/verifier/applications/[id], /enterprise/applications/[id], /enterprise/products/[id], /labels/[number]", async () => {
    const verifier = await as(world.users.verifier);
    const enterprise = await as(world.users.enterprise);
    for (const id of samples(hostileString)) {
      await probe(`verifier application ${JSON.stringify(id)}`, () => loadVerifierApplication(verifier, id, Number(id) || 1), "pageInputs");
      await probe(`enterprise application ${JSON.stringify(id)}`, () => getApplicationPage(enterprise, id, { page: Number(id) || 1, editLineId: id }), "pageInputs");
      await probe(`product ${JSON.stringify(id)}`, () => getOwnProduct(enterprise, id), "pageInputs");
      await probe(`label ${JSON.stringify(id)}`, () => findPublicCertificate(id), "pageInputs");
    }
    expect(failures).toEqual([]);
  });

  it("/registry, /regulator/audit, /regulator/factors, /regulator/certificates, /verifier, /admin", async () => {
    const regulator = await as(world.users.regulator);
    const admin = await as(world.users.admin);
    const verifier = await as(world.users.verifier);
    for (const params of fc.sample(filterRecord(["q", "category", "grade", "status", "page", "region"]), { numRuns: RUNS_PER_PAGE, seed: 3 })) {
      await probe(`registry ${JSON.stringify(params)}`, () => getRegistryPage(registryQuerySchema.parse(params)), "pageInputs");
    }
    for (const params of fc.sample(filterRecord(["organizationName", "actorName", "organization", "product", "certificate", "user", "action", "from", "to", "before"]), { numRuns: RUNS_PER_PAGE, seed: 4 })) {
      await probe(`audit ${JSON.stringify(params)}`, () => listAuditEvents(regulator, auditFiltersSchema.parse(params)), "pageInputs");
    }
    for (const params of fc.sample(filterRecord(["q", "category", "region", "year", "key", "page"]), { numRuns: RUNS_PER_PAGE, seed: 5 })) {
      await probe(`factors ${JSON.stringify(params)}`, () => getFactorsPage(regulator, factorSearchSchema.parse(params)), "pageInputs");
    }
    for (const params of fc.sample(filterRecord(["q", "page"]), { numRuns: RUNS_PER_PAGE, seed: 7 })) {
      await probe(`admin users ${JSON.stringify(params)}`, () => listUsers(admin, userSearchSchema.parse(params)), "pageInputs");
    }
    for (const params of fc.sample(filterRecord(["status", "category", "enterprise", "filter", "page"]), { numRuns: RUNS_PER_PAGE, seed: 6 })) {
      // As the pages pass them: the queue's filters as given, the certificate list's through its parser.
      const query = verifierQueueFiltersSchema.parse(params);
      const queueFilters = { status: query.status, categoryId: query.category, enterpriseId: query.enterprise };
      await probe(`verifier queue ${JSON.stringify(params)}`, () => getBodyQueuePage(verifier, queueFilters), "pageInputs");
      await probe(`managed certificates ${JSON.stringify(params)}`, () => {
        const { filter, page } = parseManagedQuery(params);
        return listManagedCertificates(regulator, filter, page);
      }, "pageInputs");
    }
    expect(failures).toEqual([]);
  });
});
