/** Structured logging, as the core needs it; pino satisfies this shape. */
export interface Logger {
  /** Something worth knowing happened (a refusal, a retry). */
  info(obj: Record<string, unknown>, msg: string): void;
  /** Something went wrong but the system carries on. */
  warn(obj: Record<string, unknown>, msg: string): void;
  /** Something failed and needs a person's attention. */
  error(obj: Record<string, unknown>, msg: string): void;
}

/** A logger that drops everything: the default in tests. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
