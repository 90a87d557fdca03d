import { INSTANCE_URLS } from "../playwright.platform.config";

/** Playwright waits for the first instance; the journeys need both. */
export default async function globalSetup() {
  const deadline = Date.now() + 300_000;
  for (const url of INSTANCE_URLS) {
    for (;;) {
      const healthy = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
      if (healthy) break;
      if (Date.now() > deadline) throw new Error(`${url} did not become healthy`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
