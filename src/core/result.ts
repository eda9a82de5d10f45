/**
 * Expected outcomes of a use case are values, not exceptions (HOUSE_STYLE §6).
 * `code` is stable and adapters word it for their platform; `detail` carries
 * the facts an adapter needs to write a helpful message.
 */
export type Ok<T> = { ok: true; value: T };
export type Fail<C extends string = string> = { ok: false; code: C; detail?: Record<string, unknown> };
export type Result<T, C extends string = string> = Ok<T> | Fail<C>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const fail = <C extends string>(code: C, detail?: Record<string, unknown>): Fail<C> =>
  detail === undefined ? { ok: false, code } : { ok: false, code, detail };

/** A broken invariant or an infrastructure fault: a bug or an outage, never a user mistake. */
export class PercolateError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PercolateError";
  }
}
