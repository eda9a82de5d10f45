import { statSync } from "node:fs";
import {
  type Inbox,
  type Logger,
  type NudgeOutbox,
  type OutboxStats,
  type Store,
  type StoreTx,
  StoreUnavailableError,
} from "../core/ports/index.js";
import { isRetryableConflict } from "./errors.js";

/** Error codes and words of faults that pass by themselves: unreachable server, read-only files, full disk, I/O errors. */
const FAULT_CODES = new Set([
  "SQLITE_READONLY",
  "SQLITE_FULL",
  "SQLITE_IOERR",
  "SQLITE_CANTOPEN",
  "SQLITE_BUSY",
  "SQLITE_CORRUPT",
  "SQLITE_NOTADB",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08006",
  "53300",
  "P1001",
  "P1017",
]);
const FAULT_TEXT =
  /readonly database|disk (I\/O error|is full)|database or disk is full|connection (terminated|refused|closed|reset)|server closed the connection|Can't reach database|ECONNREFUSED|terminating connection|the database system is (starting up|shutting down)|Timed out fetching a new connection|Transaction API error/i;

/** The database fault behind an error, as one line naming its cause, or null when the error is something else (a bug, a conflict). */
export function faultOf(e: unknown, depth = 0): string | null {
  if (typeof e !== "object" || e === null || depth > 5 || isRetryableConflict(e)) return null;
  const { code, message, cause, meta } = e as { code?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
  const adapterCause = (meta as { driverAdapterError?: { cause?: { originalCode?: unknown; originalMessage?: unknown; kind?: unknown } } })
    ?.driverAdapterError?.cause;
  const codes = [code, adapterCause?.originalCode, adapterCause?.kind].filter((c): c is string => typeof c === "string");
  const text = [adapterCause?.originalMessage, message].find((m): m is string => typeof m === "string" && m.trim() !== "");
  const line = (text ?? "")
    .split("\n")
    .find((l) => l.trim() !== "" && !/^Invalid `.*` invocation/.test(l.trim()))
    ?.trim();
  const hit = codes.find((c) => FAULT_CODES.has(c));
  if (hit || (text && FAULT_TEXT.test(text))) return [hit, line].filter(Boolean).join(": ") || "database fault";
  return faultOf(cause, depth + 1);
}

/** The community id of the recovery probe's reserved row; real ones start with a platform name. */
const PROBE_COMMUNITY = "percolate:probe";

/** Which StoreTx methods write: a transaction that called one and committed proves writes work again. */
const WRITES = /^(save|add|delete|cancel|keep|take|claim|drop|use|prune)/;

/**
 * The store as the running bot uses it: database faults become StoreUnavailableError (so every
 * command is answered "try again in a minute" and nothing is half-done), the fault is logged
 * once with its cause and shown by `fault()` (for /readyz), and it clears by itself with the
 * first write that succeeds after it: a person's command, the scheduler, or the guard's own
 * write probe, tried every few seconds while the fault lasts.
 *
 * For SQLite it also watches the database file: removed or replaced under the running process
 * (another inode), the old file would swallow writes that are gone after a restart, so the
 * store refuses every transaction until the original file is back, or the bot is restarted.
 */
export class GuardedStore implements Store {
  readonly outbox: NudgeOutbox;
  readonly inbox: Inbox;
  private current: { cause: string; since: Date } | null = null;
  private readonly identity: { dev: number; ino: number } | null;

  private probeTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly inner: Store,
    private readonly log: Logger,
    private readonly opts: {
      file?: string;
      now?: () => Date;
      /** While faulted, try a real write this often (ms), so the fault clears with no traffic; 0 turns it off. Default 5 s. */
      probeEveryMs?: number;
    } = {},
  ) {
    this.identity = opts.file ? fileId(opts.file) : null;
    this.outbox = guardOutbox(inner.outbox, this);
    this.inbox = guardInbox(inner.inbox, this);
  }

  /** The current fault as one line, or null when the store works. */
  fault(): string | null {
    return this.moved() ?? this.current?.cause ?? null;
  }

  async tx<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.guard(async () => {
      let wrote = false;
      const out = await this.inner.tx((tx) => fn(watchWrites(tx, () => (wrote = true))));
      return { value: out, wrote };
    });
  }

  /** Runs one store call: refused while the file is moved; a fault is recorded and rethrown as unavailable; a write that succeeds clears the fault. */
  async guard<T>(work: () => Promise<{ value: T; wrote: boolean }>): Promise<T> {
    const moved = this.moved();
    if (moved) throw new StoreUnavailableError(moved);
    try {
      const { value, wrote } = await work();
      if (wrote) this.recovered();
      return value;
    } catch (e) {
      const cause = faultOf(e);
      if (cause === null) throw e;
      this.failed(cause);
      throw new StoreUnavailableError(`database unavailable: ${cause}`, { cause: e });
    }
  }

  close(): Promise<void> {
    this.stopProbing();
    return this.inner.close();
  }

  /**
   * One real write that leaves nothing behind: a reserved platform ref remembered and
   * forgotten in one transaction (no community id has the prefix "percolate:"), so the
   * database must accept a write for it to succeed.
   */
  probe(): Promise<void> {
    const at = this.opts.now?.() ?? new Date();
    return this.tx(async (tx) => {
      await tx.claimPlatformRef(PROBE_COMMUNITY, "dm_channel", "write-probe", "probe", at);
      await tx.dropPlatformRef(PROBE_COMMUNITY, "dm_channel", "write-probe", "probe");
    });
  }

  private failed(cause: string): void {
    if (this.current) return;
    this.current = { cause, since: this.opts.now?.() ?? new Date() };
    this.log.error({ cause }, `database fault: ${cause}. Commands are answered "try again in a minute" until it clears.`);
    const every = this.opts.probeEveryMs ?? 5_000;
    if (every > 0) {
      this.probeTimer = setInterval(() => void this.probe().catch(() => undefined), every);
      this.probeTimer.unref();
    }
  }

  private recovered(): void {
    if (!this.current) return;
    this.stopProbing();
    this.log.info({ cause: this.current.cause, since: this.current.since }, "database writes work again; fault cleared");
    this.current = null;
  }

  private stopProbing(): void {
    if (this.probeTimer) clearInterval(this.probeTimer);
    this.probeTimer = null;
  }

  private movedLogged = false;
  /** A line when the database file is gone or is another file than the one opened, else null. */
  private moved(): string | null {
    if (!this.identity || !this.opts.file) return null;
    const now = fileId(this.opts.file);
    if (now && now.dev === this.identity.dev && now.ino === this.identity.ino) {
      if (this.movedLogged) this.log.info({ file: this.opts.file }, "database file is back; accepting writes again");
      this.movedLogged = false;
      return null;
    }
    const line = `the database file ${this.opts.file} was ${now ? "replaced" : "removed"} while the bot was running; writes are refused so none is lost — restart the bot`;
    if (!this.movedLogged) this.log.error({ file: this.opts.file }, line);
    this.movedLogged = true;
    return line;
  }
}

function fileId(file: string): { dev: number; ino: number } | null {
  try {
    const s = statSync(file);
    return { dev: s.dev, ino: s.ino };
  } catch {
    return null;
  }
}

/** The transaction, telling `onWrite` when a writing method is called. */
function watchWrites(tx: StoreTx, onWrite: () => void): StoreTx {
  return new Proxy(tx, {
    get(target, prop, receiver) {
      const v: unknown = Reflect.get(target, prop, receiver);
      if (typeof v !== "function") return v;
      if (typeof prop === "string" && WRITES.test(prop)) onWrite();
      return (v as (...a: unknown[]) => unknown).bind(target);
    },
  });
}

/** The outbox behind the same guard; a call that changed rows counts as a successful write. */
function guardOutbox(o: NudgeOutbox, g: GuardedStore): NudgeOutbox {
  return {
    claimDue: (now, limit, owner, leaseUntil) =>
      g.guard(async () => {
        const value = await o.claimDue(now, limit, owner, leaseUntil);
        return { value, wrote: value.length > 0 };
      }),
    markSent: (...a) => g.guard(async () => ({ value: await o.markSent(...a), wrote: true })),
    markAttempt: (...a) => g.guard(async () => ({ value: await o.markAttempt(...a), wrote: true })),
    postpone: (...a) => g.guard(async () => ({ value: await o.postpone(...a), wrote: true })),
    markCancelled: (...a) => g.guard(async () => ({ value: await o.markCancelled(...a), wrote: true })),
    release: (owner) =>
      g.guard(async () => {
        const value = await o.release(owner);
        return { value, wrote: value > 0 };
      }),
    stats: (): Promise<OutboxStats> => g.guard(async () => ({ value: await o.stats(), wrote: false })),
  };
}

/** The inbox behind the same guard: keeping a request before its ack is a write like any other. */
function guardInbox(i: Inbox, g: GuardedStore): Inbox {
  return {
    receive: (...a) => g.guard(async () => ({ value: await i.receive(...a), wrote: true })),
    answered: (...a) => g.guard(async () => ({ value: await i.answered(...a), wrote: true })),
    claimStale: (...a) =>
      g.guard(async () => {
        const value = await i.claimStale(...a);
        return { value, wrote: value.length > 0 };
      }),
    renew: (...a) => g.guard(async () => ({ value: await i.renew(...a), wrote: true })),
    release: (...a) => g.guard(async () => ({ value: await i.release(...a), wrote: true })),
    prune: (...a) => g.guard(async () => ({ value: await i.prune(...a), wrote: true })),
    get: (...a) => g.guard(async () => ({ value: await i.get(...a), wrote: false })),
  };
}
