import type { Logger } from "../core/ports/index.js";
import { countUncaughtException, countUnhandledRejection } from "./faults.js";

/** A thrown value as text, without assuming it is an Error (anything can be thrown). */
function text(e: unknown): string {
  if (typeof e === "string") return e;
  try {
    return JSON.stringify(e) ?? String(e);
  } catch {
    return String(e);
  }
}

/** What the guard can describe about a thrown value. */
function describe(e: unknown): { err: string; stack?: string; name?: string } {
  if (e instanceof Error) return { err: e.message, name: e.name, ...(e.stack ? { stack: e.stack } : {}) };
  return { err: text(e) };
}

let installed: (() => void) | null = null;

/**
 * The process-level guard: an unhandled rejection or an uncaught exception is logged with
 * what is known about it and counted (faults.ts), and the process keeps serving: one request's
 * fault must never end the bot for every community. Installed once; returns the uninstaller.
 */
export function installProcessGuard(log: Logger, onFault?: (kind: "unhandledRejection" | "uncaughtException") => void): () => void {
  if (installed) return installed;
  const rejection = (reason: unknown) => {
    countUnhandledRejection();
    log.error({ ...describe(reason), fault: "unhandledRejection" }, "unhandled promise rejection; still serving");
    onFault?.("unhandledRejection");
  };
  const exception = (e: unknown, origin: string) => {
    countUncaughtException();
    log.error({ ...describe(e), fault: "uncaughtException", origin }, "uncaught exception; still serving");
    onFault?.("uncaughtException");
  };
  process.on("unhandledRejection", rejection);
  process.on("uncaughtException", exception);
  installed = () => {
    process.off("unhandledRejection", rejection);
    process.off("uncaughtException", exception);
    installed = null;
  };
  return installed;
}
