// Runs consumer/worker.mjs in workerd through `wrangler dev` (its unstable_dev API, local mode) and asks it
// to run the checks.
// argv: <wrangler module path> <worker.mjs> <compatibility date> <flags, comma-separated> <mock server URL>
const [wranglerPath, entry, compatibilityDate, flags, baseUrl] = process.argv.slice(2);
const { unstable_dev } = await import(wranglerPath);
const worker = await unstable_dev(entry, {
  compatibilityDate,
  compatibilityFlags: flags ? flags.split(",") : [],
  ip: "127.0.0.1",
  logLevel: "error",
  experimental: { disableExperimentalWarning: true, testMode: true },
});
try {
  const response = await worker.fetch(`/?base=${encodeURIComponent(baseUrl)}`);
  const text = await response.text();
  try {
    console.log(JSON.stringify(JSON.parse(text)));
  } catch {
    console.log(JSON.stringify({ get: `worker answered ${response.status}: ${text.slice(0, 300)}` }));
  }
} finally {
  await worker.stop();
}
