import { PercolateError } from "../core/result.js";
import { redact } from "./url.js";

/** Filesystem and driver codes worth a plain explanation; any other failure still gets the one-line form. */
const EXPLAIN: Record<string, string> = {
  ENOTDIR: "part of that path is a file, not a folder",
  EEXIST: "part of that path is a file, not a folder",
  EISDIR: "that path is a folder, not a database file",
  EACCES: "this process may not write there",
  EPERM: "this process may not write there",
  EROFS: "that filesystem is read-only",
  ENOSPC: "the disk is full",
  ENAMETOOLONG: "that path is too long",
  ELOOP: "that path loops through symbolic links",
  ENOENT: "a folder on that path does not exist and could not be created",
  ERR_INVALID_ARG_VALUE: "that path contains a character no file name can hold",
  ERR_INVALID_ARG_TYPE: "that path contains a character no file name can hold",
  SQLITE_CANTOPEN: "SQLite could not open a database file there",
  SQLITE_NOTADB: "that file is not a SQLite database",
  ECONNREFUSED: "nothing is listening at that host and port",
  ENOTFOUND: "that host name does not resolve",
  ETIMEDOUT: "the database did not answer in time",
  "28P01": "the database refused the user name or password",
  "3D000": "that database does not exist",
};

/** Everything in the URL that could be a secret: the password, however it was written. */
function secretsIn(url: string): string[] {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(url);
  const userinfo = m?.[1] ?? "";
  const colon = userinfo.indexOf(":");
  const pw = colon >= 0 ? userinfo.slice(colon + 1) : "";
  if (!pw) return [];
  const out = [pw];
  try {
    out.push(decodeURIComponent(pw));
  } catch {
    // Not percent-encoded: the raw form is the one to hide.
  }
  return out.filter((s) => s.length > 0);
}

/**
 * Any failure to open the store as the one line a person acts on: it names DATABASE_URL,
 * says what is wrong in words when the code is a known one, and never carries the password
 * (hidden from the URL, and from the driver's own message should it repeat it).
 */
export function storeOpenError(e: unknown, url: string): PercolateError {
  const code = (e as { code?: unknown } | null)?.code;
  const codeText = typeof code === "string" ? code : undefined;
  let detail = e instanceof Error ? e.message : String(e);
  for (const s of secretsIn(url)) detail = detail.split(s).join("***");
  const why = codeText && EXPLAIN[codeText] ? `${EXPLAIN[codeText]} (${codeText})` : detail;
  const line = `DATABASE_URL: can't open ${redact(url)}: ${why}. Point it at a file in a folder this process can write (file:./data/percolate.db), or at a reachable PostgreSQL database.`;
  return new PercolateError(line.replace(/\s*[\r\n]+\s*/g, " "), { cause: e });
}
