export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureAuthSecret, prepareDatabase } = await import("@/lib/startup");
  ensureAuthSecret();
  await prepareDatabase();
}
