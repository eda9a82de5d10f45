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

/** Advisory lock key shared by every Store transaction on PostgreSQL ("percolat" in ASCII). */
const PG_TX_LOCK = "8099005276292407668";
/** Taken by every PostgreSQL transaction: many holders at once, released at commit. */
export const PG_RUN_SHARED = `SELECT pg_advisory_xact_lock_shared(${PG_TX_LOCK})`;
/** Taken by a transaction that must run alone after losing races: waits for all others. */
export const PG_RUN_ALONE = `SELECT pg_advisory_xact_lock(${PG_TX_LOCK})`;
