import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Where the last release is recorded, so the next one can be compared with it without any network. */
export const RECORD_DIR = ".release";

/** What `.release/released.json` says. */
export interface ReleaseRecord {
  version: string;
  date: string;
  spec: { title: string; version: string; sha256: string };
}

/** The last release: its record, the spec it shipped and its API report; undefined before the first release. */
export interface LastRelease {
  record: ReleaseRecord;
  specText: string;
  apiReport: string;
}

const files = (root: string) => ({
  record: join(root, RECORD_DIR, "released.json"),
  spec: join(root, RECORD_DIR, "openapi.json"),
  api: join(root, RECORD_DIR, "api-report.api.md"),
});

export async function readLastRelease(root: string): Promise<LastRelease | undefined> {
  const paths = files(root);
  let recordText: string;
  try {
    recordText = await readFile(paths.record, "utf8");
  } catch {
    return undefined;
  }
  return {
    record: JSON.parse(recordText) as ReleaseRecord,
    specText: await readFile(paths.spec, "utf8"),
    apiReport: await readFile(paths.api, "utf8"),
  };
}

/** Records a release; returns the files written (relative to the root), for the release commit. */
export async function writeRelease(
  root: string,
  release: { version: string; date: string; specText: string; apiReport: string },
): Promise<string[]> {
  const paths = files(root);
  await mkdir(join(root, RECORD_DIR), { recursive: true });
  const record: ReleaseRecord = { version: release.version, date: release.date, spec: specSummary(release.specText) };
  await writeFile(paths.record, `${JSON.stringify(record, null, 2)}\n`);
  await writeFile(paths.spec, release.specText);
  await writeFile(paths.api, release.apiReport);
  return [`${RECORD_DIR}/released.json`, `${RECORD_DIR}/openapi.json`, `${RECORD_DIR}/api-report.api.md`];
}

/** Title, version and SHA-256 of a spec file's text. */
export function specSummary(specText: string): ReleaseRecord["spec"] {
  const info = (JSON.parse(specText) as { info?: { title?: unknown; version?: unknown } }).info ?? {};
  return {
    title: String(info.title ?? ""),
    version: String(info.version ?? ""),
    sha256: createHash("sha256").update(specText).digest("hex"),
  };
}
