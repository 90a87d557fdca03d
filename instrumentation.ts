export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureAuthSecret, ensureCredentialSettings, ensureFrontCacheSettings, prepareDatabase } = await import("@/lib/startup");
  ensureAuthSecret();
  ensureCredentialSettings();
  ensureFrontCacheSettings();
  await prepareDatabase();
  // Background jobs (PACT replies, expiry, reminders …): pg-boss with DATABASE_URL, else in this process.
  const { startJobs } = await import("@/lib/jobs");
  const { JOB_HANDLERS } = await import("@/lib/job-handlers");
  await startJobs(JOB_HANDLERS);
  // Outgoing email: a commit that queued some sends the mail-delivery job at once (retries and
  // digests run on its schedules); without SMTP_URL it stays in the outbox (/admin/outbox).
  const { startMailDelivery } = await import("@/lib/mail/runner");
  startMailDelivery();
}
