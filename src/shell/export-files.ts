import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { CsvFile } from "../core/admin/csv.js";

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
