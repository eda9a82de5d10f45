import { empty, join, raw, sqltag as sql } from "@prisma/client/runtime/client";
import type { Inbox, InboxEntry, InboxStatus, NewInboxEntry } from "../core/ports/index.js";
import type { Db, DbTx, Dialect } from "./prisma-client.js";

const asDate = (v: unknown): Date => (v instanceof Date ? v : new Date(v as string | number));
const asDateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : asDate(v));
const asStringOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const STATUSES: readonly InboxStatus[] = ["pending", "applied", "answered"];

/** A raw `inbox` row (snake_case, driver-typed) as an InboxEntry. */
export function inboxFromRaw(r: Record<string, unknown>): InboxEntry {
  const status = String(r.status) as InboxStatus;
  if (!STATUSES.includes(status)) throw new Error(`inbox(${String(r.id)}): unknown status ${status}`);
  return {
    id: String(r.id),
    communityId: String(r.community_id),
    kind: String(r.kind),
    payload: String(r.payload),
    status,
    appliedBy: asStringOrNull(r.applied_by),
    appliedAt: asDateOrNull(r.applied_at),
    answer: asStringOrNull(r.answer),
    leaseOwner: asStringOrNull(r.lease_owner),
    leaseUntil: asDateOrNull(r.lease_until),
    receivedAt: asDate(r.received_at),
    answeredAt: asDateOrNull(r.answered_at),
  };
}

/** Rows per statement: 9 values × 200 stays far below both engines' parameter limits. */
const CHUNK = 200;

/**
 * The inbox over Prisma, in raw SQL both dialects speak (`ON CONFLICT`, `RETURNING`). As with
 * the outbox, each call on SQLite runs in an interactive transaction so it never slips into
 * another caller's open one (the adapter shares one connection).
 */
export class PrismaInbox implements Inbox {
  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
  ) {}

  private one<T>(op: (db: Db | DbTx) => Promise<T>): Promise<T> {
    if (this.dialect === "postgres") return op(this.db);
    return this.db.$transaction((t) => op(t), { maxWait: 30_000, timeout: 30_000 });
  }

  async receive(entries: readonly NewInboxEntry[], owner: string, leaseUntil: Date, at: Date) {
    if (entries.length === 0) return [];
    return this.one(async (db) => {
      const fresh = new Set<string>();
      for (let i = 0; i < entries.length; i += CHUNK) {
        const tuples = entries
          .slice(i, i + CHUNK)
          .map((e) => sql`(${e.id}, ${e.communityId}, ${e.kind}, ${e.payload}, 'pending', ${owner}, ${leaseUntil}, ${at})`);
        const rows = await db.$queryRaw<{ id: string }[]>(
          sql`INSERT INTO "inbox" ("id", "community_id", "kind", "payload", "status", "lease_owner", "lease_until", "received_at")
VALUES ${join(tuples)} ON CONFLICT ("id") DO NOTHING RETURNING "id"`,
        );
        for (const r of rows) fresh.add(String(r.id));
      }
      // Only entries kept before need reading back; fresh ones are exactly what was written.
      const old = [...new Set(entries.filter((e) => !fresh.has(e.id)).map((e) => e.id))];
      const rows = old.length ? await db.$queryRaw<Record<string, unknown>[]>(sql`SELECT * FROM "inbox" WHERE "id" IN (${join(old)})`) : [];
      const byId = new Map(rows.map((r) => [String(r.id), inboxFromRaw(r)]));
      const seen = new Set<string>();
      return entries.map((e) => {
        // The same id twice in one call: the first is the fresh one.
        const isFresh = fresh.has(e.id) && !seen.has(e.id);
        seen.add(e.id);
        const entry: InboxEntry | undefined = fresh.has(e.id)
          ? {
              ...e,
              status: "pending",
              appliedBy: null,
              appliedAt: null,
              answer: null,
              leaseOwner: owner,
              leaseUntil,
              receivedAt: at,
              answeredAt: null,
            }
          : byId.get(e.id);
        if (!entry) throw new Error(`inbox(${e.id}) vanished while being kept`);
        return { entry: isFresh ? entry : { ...entry }, fresh: isFresh };
      });
    });
  }

  async answered(done: readonly { id: string; answer: string | null }[], at: Date): Promise<void> {
    if (done.length === 0) return;
    // One statement per chunk, not one per entry: each round trip through Prisma costs far more
    // than the row it changes, and under load answers are marked by the dozen.
    await this.one(async (db) => {
      for (let i = 0; i < done.length; i += CHUNK) {
        const part = done.slice(i, i + CHUNK);
        const answers = join(
          part.map(({ id, answer }) => sql`WHEN ${id} THEN ${answer}`),
          " ",
        );
        await db.$executeRaw(
          sql`UPDATE "inbox" SET "status" = 'answered', "answer" = CASE "id" ${answers} END, "answered_at" = ${at}, "lease_owner" = NULL, "lease_until" = NULL
WHERE "id" IN (${join(part.map((d) => d.id))})`,
        );
      }
    });
  }

  async claimStale(kinds: readonly string[], now: Date, limit: number, owner: string, leaseUntil: Date): Promise<InboxEntry[]> {
    if (limit <= 0 || kinds.length === 0) return [];
    const lock = this.dialect === "postgres" ? raw(" FOR UPDATE SKIP LOCKED") : empty;
    const rows = await this.one((db) =>
      db.$queryRaw<Record<string, unknown>[]>(sql`UPDATE "inbox" SET "lease_owner" = ${owner}, "lease_until" = ${leaseUntil}
WHERE "id" IN (
  SELECT "id" FROM "inbox"
  WHERE "status" <> 'answered' AND "kind" IN (${join([...kinds])}) AND ("lease_until" IS NULL OR "lease_until" <= ${now})
  ORDER BY "received_at", "id"
  LIMIT ${limit}${lock}
)
RETURNING *`),
    );
    // RETURNING does not keep the subquery's order.
    return rows.map(inboxFromRaw).sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id.localeCompare(b.id));
  }

  renew(owner: string, leaseUntil: Date): Promise<number> {
    return this.one((db) =>
      db.$executeRaw(sql`UPDATE "inbox" SET "lease_until" = ${leaseUntil} WHERE "lease_owner" = ${owner} AND "status" <> 'answered'`),
    );
  }

  release(owner: string): Promise<number> {
    return this.one((db) =>
      db.$executeRaw(
        sql`UPDATE "inbox" SET "lease_owner" = NULL, "lease_until" = NULL WHERE "lease_owner" = ${owner} AND "status" <> 'answered'`,
      ),
    );
  }

  prune(before: Date): Promise<number> {
    return this.one((db) => db.$executeRaw(sql`DELETE FROM "inbox" WHERE "status" = 'answered' AND "received_at" < ${before}`));
  }

  async get(id: string): Promise<InboxEntry | null> {
    const rows = await this.one((db) => db.$queryRaw<Record<string, unknown>[]>(sql`SELECT * FROM "inbox" WHERE "id" = ${id}`));
    const r = rows[0];
    return r ? inboxFromRaw(r) : null;
  }
}

/** Inside a Store transaction: marks an entry applied by `run` (StoreTx.markInboxApplied). */
export async function markInboxAppliedIn(db: DbTx, id: string, run: string, at: Date): Promise<boolean> {
  const changed = await db.$executeRaw(
    sql`UPDATE "inbox" SET "status" = 'applied', "applied_by" = ${run}, "applied_at" = ${at} WHERE "id" = ${id} AND "status" = 'pending'`,
  );
  if (changed > 0) return true;
  const rows = await db.$queryRaw<{ status: string; applied_by: string | null }[]>(
    sql`SELECT "status", "applied_by" FROM "inbox" WHERE "id" = ${id}`,
  );
  const r = rows[0];
  return r !== undefined && r.status === "applied" && r.applied_by === run;
}
