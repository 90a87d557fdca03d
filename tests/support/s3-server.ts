/**
 * A real S3-compatible server on loopback (s3rver) for tests and the multi-instance e2e run: its
 * own port and data directory, one bucket, the fixed credentials s3rver accepts. `stop` and
 * `start` simulate an outage on the same address; `dispose` removes everything.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

type S3rverOptions = {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string; configs: never[] }[];
};
type S3rverInstance = { run(): Promise<{ address: string; port: number }>; close(): Promise<void> };
type S3rverClass = new (options: S3rverOptions) => S3rverInstance;

const S3rver = createRequire(import.meta.url)("s3rver") as S3rverClass;

export type S3TestServer = {
  endpoint: string;
  bucket: string;
  directory: string;
  /** The variables that point CarbonLabel's storage at this server. */
  env: Record<string, string>;
  stop(): Promise<void>;
  start(): Promise<void>;
  dispose(): Promise<void>;
};

export async function startS3Server(bucket = "carbonlabel-test"): Promise<S3TestServer> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "carbonlabel-s3-"));
  const options = (port: number): S3rverOptions => ({
    address: "127.0.0.1",
    port,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  let instance: S3rverInstance | null = new S3rver(options(0));
  const { port } = await instance.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    directory,
    env: {
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
    },
    async stop() {
      await instance?.close();
      instance = null;
    },
    async start() {
      if (instance) return;
      instance = new S3rver(options(port));
      await instance.run();
    },
    async dispose() {
      await instance?.close();
      instance = null;
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
