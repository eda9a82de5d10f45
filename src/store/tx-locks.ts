/*
 * The first statement of every Store transaction: how each engine is made to run
 * transactions as if one at a time (the port's promise, and what MemoryStore does).
 */

/**
 * A write that touches nothing, run first in every SQLite transaction: it takes the write
 * lock at once, like BEGIN IMMEDIATE (the adapter only issues BEGIN). Without it, a
 * transaction that reads and then writes can fail with SQLITE_BUSY_SNAPSHOT when another
 * process committed in between, and the busy timeout cannot help.
 */
export const SQLITE_TAKE_WRITE_LOCK = `UPDATE "nudges" SET "id" = "id" WHERE 0`;

/*
 * PostgreSQL: every Store transaction first locks the migration history table in ROW SHARE
 * mode (many holders at once; ordinary reads and writes are not affected), and a transaction
 * that keeps losing races locks it in EXCLUSIVE mode instead, which waits for every transaction
 * in flight and keeps new ones out until it ends. A table lock, not an advisory lock: LOCK TABLE
 * does not fix the SERIALIZABLE snapshot (the first query does), so the exclusive transaction
 * reads what the ones it waited for committed. Behind an advisory lock taken by a SELECT, its
 * snapshot predated their commits and it lost the race it was meant to win, attempt after attempt.
 */
const LOCK_TABLE = `"_prisma_migrations"`;
/** Taken by every PostgreSQL transaction: many holders at once, released at commit. */
export const PG_RUN_SHARED = `LOCK TABLE ${LOCK_TABLE} IN ROW SHARE MODE`;
/** Taken by a transaction that must run alone after losing races: waits for all others. */
export const PG_RUN_ALONE = `LOCK TABLE ${LOCK_TABLE} IN EXCLUSIVE MODE`;
