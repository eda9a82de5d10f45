import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { stripControl } from "../text/index.js";
import type { CsvFile } from "../core/admin/csv.js";

/** Where an export was saved, or the folder it could not be saved to and the filesystem's code. */
export type ExportSaved = { ok: true; paths: string[] } | { ok: false; folder: string; code: string | undefined };

/** Like writeExport, but a filesystem refusal (a file in the way, no permission, a bad name) is a value, not a crash. */
export function saveExport(files: readonly CsvFile[], at: Date, folder: string | undefined, root = "./data/exports"): ExportSaved {
  try {
    return { ok: true, paths: writeExport(files, at, folder, root) };
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    return { ok: false, folder: stripControl(folder ?? root), code: typeof code === "string" ? code : undefined };
  }
}

/**
 * Writes an export's CSV files into `folder` (created if needed), or into
 * `<root>/<timestamp>/` when no folder was given. Returns the absolute paths written.
 */
export function writeExport(files: readonly CsvFile[], at: Date, folder: string | undefined, root = "./data/exports"): string[] {
  const dir = resolve(folder ?? join(root, at.toISOString().replace(/[:.]/g, "-")));
  mkdirSync(dir, { recursive: true });
  return files.map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.text, "utf8");
    return path;
  });
}
