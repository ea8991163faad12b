import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Extractor, ExtractorConfig, ExtractorLogLevel } from "@microsoft/api-extractor";

/**
 * The public type surface of the built package as an API Extractor report (`.api.md`): every exported
 * declaration with its signature, members and types, in a stable order. Reads the emitted declarations
 * (`dist/types/esm/src/index.d.ts`), so `npm run build` must have run.
 */
export async function apiReport(root: string): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), "api-report-"));
  try {
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: root,
        mainEntryPointFilePath: join(root, "dist/types/esm/src/index.d.ts"),
        compiler: {
          overrideTsconfig: {
            compilerOptions: {
              strict: true,
              module: "nodenext",
              moduleResolution: "nodenext",
              skipLibCheck: true,
              lib: ["es2023", "dom"],
            },
          },
        },
        apiReport: { enabled: true, reportFileName: "api.api.md", reportFolder: work, reportTempFolder: work },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
          extractorMessageReporting: { default: { logLevel: ExtractorLogLevel.None, addToApiReportFile: false } },
          tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None, addToApiReportFile: false } },
        },
      },
      configObjectFullPath: join(root, "api-extractor.json"),
      packageJsonFullPath: join(root, "package.json"),
    });
    const result = Extractor.invoke(config, {
      localBuild: true,
      showVerboseMessages: false,
      messageCallback: (message) => (message.handled = message.logLevel !== ExtractorLogLevel.Error),
    });
    if (result.errorCount > 0) throw new Error(`API Extractor reported ${result.errorCount} error(s)`);
    return await readFile(join(work, "api.api.md"), "utf8");
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
