/** Why files could not be written where a person asked, in words, by the filesystem's code. */
const WHY: Record<string, string> = {
  ENOTDIR: "part of that path is a file, not a folder",
  EEXIST: "part of that path is a file, not a folder",
  EISDIR: "a folder is in the way of one of the files",
  EACCES: "I'm not allowed to write there",
  EPERM: "I'm not allowed to write there",
  EROFS: "that disk is read-only",
  ENOSPC: "the disk is full",
  ENAMETOOLONG: "that path is too long",
  ERR_INVALID_ARG_VALUE: "that path has a character no file name can hold",
};

/** The export could not be saved: where, why, and what to do instead. Nothing was written half-way on purpose. */
export function renderExportNotSaved(folder: string, code: string | undefined): string {
  const why = (code && WHY[code]) ?? `the system said ${code ?? "no"}`;
  return `I couldn't save the export to ${JSON.stringify(folder)}: ${why}. Try another folder, e.g. "admin export ./exports", or leave the folder out to use ./data/exports.`;
}
