import type { Nudge } from "../core/domain/index.js";
import type { NudgeOutbox, OutboxStats } from "../core/ports/index.js";
import type { Prisma } from "./generated/sqlite/client.js";
import { nudgeFromRow, nudgeRowFromRaw } from "./mappers/nudge.js";
import { claimDueSql, markAttemptSql, markCancelledSql, markSentSql, postponeSql, releaseSql } from "./nudge-sql.js";
import type { Db, DbTx, Dialect } from "./prisma-client.js";

const byDue = (a: Nudge, b: Nudge): number => a.dueAt.getTime() - b.dueAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime();

/**
 * The outbox over Prisma. Every method is one raw SQL statement: this is the hot path, and
 * raw SQL skips Prisma's per-call query compilation (half the cost of updateMany).
 *
 * On SQLite each statement still runs in an interactive transaction: the adapter shares
 * one connection and only interactive transactions take its mutex, so a bare statement
 * (or a one-query batch, which Prisma runs bare) issued while a Store.tx is open would run
 * inside that transaction and vanish with its rollback.
 */
export class PrismaOutbox implements NudgeOutbox {
  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
  ) {}

  private one<T>(op: (db: Db | DbTx) => Prisma.PrismaPromise<T>): Promise<T> {
    if (this.dialect === "postgres") return op(this.db);
    return this.db.$transaction((t) => op(t), { maxWait: 30_000, timeout: 30_000 });
  }

  async claimDue(now: Date, limit: number, owner: string, leaseUntil: Date): Promise<Nudge[]> {
    if (limit <= 0) return [];
    const rows = await this.one((db) => db.$queryRaw<Record<string, unknown>[]>(claimDueSql(this.dialect, now, limit, owner, leaseUntil)));
    // RETURNING does not keep the subquery's order.
    return rows.map((raw) => nudgeFromRow(nudgeRowFromRaw(raw))).sort(byDue);
  }

  async markSent(id: string, owner: string, at: Date): Promise<boolean> {
    return (await this.one((db) => db.$executeRaw(markSentSql(id, owner, at)))) > 0;
  }

  async markAttempt(id: string, owner: string, error: string, retryAt: Date | null): Promise<boolean> {
    return (await this.one((db) => db.$executeRaw(markAttemptSql(id, owner, error, retryAt)))) > 0;
  }

  async postpone(id: string, owner: string, until: Date): Promise<boolean> {
    return (await this.one((db) => db.$executeRaw(postponeSql(id, owner, until)))) > 0;
  }

  async markCancelled(id: string, owner: string, reason: string): Promise<boolean> {
    return (await this.one((db) => db.$executeRaw(markCancelledSql(id, owner, reason)))) > 0;
  }

  async release(owner: string): Promise<number> {
    return this.one((db) => db.$executeRaw(releaseSql(owner)));
  }

  /** Two index range scans on (status, due_at); read-only, so no transaction is needed on either database. */
  async stats(): Promise<OutboxStats> {
    const rows = await this.db.$queryRawUnsafe<{ status: string; n: unknown; oldest: unknown }[]>(
      "SELECT status, COUNT(*) AS n, MIN(due_at) AS oldest FROM nudges WHERE status IN ('pending', 'failed') GROUP BY status",
    );
    const pending = rows.find((r) => r.status === "pending");
    const failed = rows.find((r) => r.status === "failed");
    return { pending: Number(pending?.n ?? 0), failed: Number(failed?.n ?? 0), oldestDueAt: instantOrNull(pending?.oldest) };
  }
}

/** An aggregate's instant as the driver returns it: a Date (PostgreSQL), or epoch ms / ISO text (SQLite). */
function instantOrNull(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  const d = v instanceof Date ? v : new Date(typeof v === "string" && /^\d+$/.test(v) ? Number(v) : (v as string | number));
  return Number.isNaN(d.getTime()) ? null : d;
}
