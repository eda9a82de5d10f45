import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../core/ports/index.js";

const ORDER = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/** Bolt's and the socket client's messages, through Percolate's structured logger. */
export function boltLogger(log: Logger, initial: LogLevel): BoltLogger {
  let level = initial;
  let name = "bolt";
  const on = (l: LogLevel) => ORDER.indexOf(l) >= ORDER.indexOf(level);
  const line = (msg: unknown[]) =>
    msg.map((m) => (m instanceof Error ? m.message : typeof m === "string" ? m : JSON.stringify(m))).join(" ");
  return {
    debug: (...msg) => on(LogLevel.DEBUG) && log.info({ source: name, debug: true }, line(msg)),
    info: (...msg) => on(LogLevel.INFO) && log.info({ source: name }, line(msg)),
    warn: (...msg) => on(LogLevel.WARN) && log.warn({ source: name }, line(msg)),
    error: (...msg) => on(LogLevel.ERROR) && log.error({ source: name }, line(msg)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n) => {
      name = n;
    },
  };
}
