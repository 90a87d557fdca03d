import { afterEach, describe, expect, it, vi } from "vitest";
import {
  databaseOutage,
  isConnectionError,
  noteDatabaseFailure,
  noteDatabaseReachable,
  registerDatabaseProbe,
  waitForDatabase,
} from "@/db/availability";
import { s3ConfigFromEnv } from "@/lib/storage/s3";
import { assertSafeKey } from "@/lib/storage/types";

describe("isConnectionError", () => {
  it("recognizes refused, reset and terminated connections, also wrapped as a cause", () => {
    expect(isConnectionError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("the database system is starting up"), { code: "57P03" }))).toBe(true);
    expect(isConnectionError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isConnectionError(new Error("Failed query: select 1", { cause: Object.assign(new Error("x"), { code: "ECONNRESET" }) }))).toBe(true);
  });

  it("leaves errors of the query itself alone", () => {
    expect(isConnectionError(Object.assign(new Error("duplicate key value"), { code: "23505" }))).toBe(false);
    expect(isConnectionError(Object.assign(new Error("relation does not exist"), { code: "42P01" }))).toBe(false);
    expect(isConnectionError(new Error("a bug"))).toBe(false);
    expect(isConnectionError(null)).toBe(false);
    expect(isConnectionError("ECONNREFUSED")).toBe(false);
  });
});

describe("database availability", () => {
  afterEach(() => {
    noteDatabaseReachable();
    vi.restoreAllMocks();
  });

  it("is up until a connection failure, then answers with Retry-After until a probe succeeds", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    let databaseUp = false;
    registerDatabaseProbe(async () => {
      if (!databaseUp) throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    });
    expect(await databaseOutage()).toBeNull();
    expect(noteDatabaseFailure(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(await databaseOutage()).toBeNull();

    expect(noteDatabaseFailure(Object.assign(new Error("terminating connection"), { code: "57P01" }))).toBe(true);
    expect(await databaseOutage()).toEqual({ retryAfterSeconds: 5 });
    expect(await waitForDatabase(300)).toBe(false);

    databaseUp = true;
    expect(await waitForDatabase(3_000)).toBe(true);
    expect(await databaseOutage()).toBeNull();
  });
});

describe("S3 configuration from the environment", () => {
  it("is off without a bucket", () => {
    expect(s3ConfigFromEnv({ S3_ENDPOINT: "http://minio:9000" })).toBeNull();
  });

  it("uses path-style addressing for a custom endpoint unless told otherwise", () => {
    expect(s3ConfigFromEnv({ S3_BUCKET: "evidence", S3_ENDPOINT: "http://minio:9000", S3_ACCESS_KEY_ID: "a", S3_SECRET_ACCESS_KEY: "b" })).toEqual({
      bucket: "evidence",
      endpoint: "http://minio:9000",
      region: "us-east-1",
      forcePathStyle: true,
      accessKeyId: "a",
      secretAccessKey: "b",
    });
    expect(s3ConfigFromEnv({ S3_BUCKET: "evidence", S3_REGION: "cn-north-1" })).toMatchObject({ forcePathStyle: false, region: "cn-north-1" });
    expect(s3ConfigFromEnv({ S3_BUCKET: "evidence", S3_ENDPOINT: "https://oss.example", S3_FORCE_PATH_STYLE: "false" })).toMatchObject({
      forcePathStyle: false,
    });
  });
});

describe("storage keys", () => {
  it("accepts the keys the app makes", () => {
    expect(() => assertSafeKey(`evidence/${"a".repeat(64)}`)).not.toThrow();
    expect(() => assertSafeKey("artifacts/CFP-CQ-2026-7K3M9Q/zh-CN/label-abc.png")).not.toThrow();
    expect(() => assertSafeKey("3f0c/9a1b")).not.toThrow();
  });

  it("refuses anything that could climb out of the root or hide", () => {
    for (const key of ["..", "a/../b", "a/..x", "/a", "a//b", "a/", "a b", ".hidden", "a/.hidden", "a\\b", ""]) {
      expect(() => assertSafeKey(key), key).toThrow(/Invalid storage key/);
    }
  });
});
