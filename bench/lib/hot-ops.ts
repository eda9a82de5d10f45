/**
 * The store's hot read operations, each timed two ways in the same run: through the Store
 * (Prisma, inside one transaction so only the operation is timed) and through an equivalent
 * raw prepared statement (better-sqlite3 `prepare` once, `get`/`all` many times; a named
 * prepared query on PostgreSQL), with the rows mapped to the same domain records by the same
 * mappers. Prints the median per operation and the ratio Prisma / raw. To add an operation,
 * add one entry to HOT_OPS.
 */
import Database from "better-sqlite3";
import pg from "pg";
import type { StoreTx } from "../../src/core/ports/index.js";
import { byTimeThenId } from "../../src/store/chunk.js";
import { requestFromRow } from "../../src/store/mappers/chat-request.js";
import { communityFromRow } from "../../src/store/mappers/community.js";
import { introFromRow } from "../../src/store/mappers/intro.js";
import { memberFromRow } from "../../src/store/mappers/member.js";
import type { RawTarget } from "./bench-db.js";
import { fromSqlRow } from "./bulk-insert.js";
import type { CommunityModel } from "./community-model.js";
import { median } from "./stats.js";

/** One hot operation: its Store call, the same query in SQL (`?` placeholders) and the row mapping. */
interface HotOp {
  name: string;
  /** Arguments for the i-th call, drawn from the seeded community. */
  args(model: CommunityModel, i: number): string[];
  viaStore(tx: StoreTx, args: string[]): Promise<unknown>;
  sql: string;
  /** Raw rows to the records the Store returns. */
  map(rows: Record<string, unknown>[]): unknown;
}

const nth = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;
const cid = (m: CommunityModel) => m.community.id;

export const HOT_OPS: readonly HotOp[] = [
  {
    name: "getMember",
    args: (m, i) => [cid(m), nth(m.members, i * 7919).id],
    viaStore: (tx, [c, id]) => tx.getMember(c as string, id as string),
    sql: `SELECT * FROM "members" WHERE "community_id" = ? AND "id" = ?`,
    map: (rows) => (rows[0] ? memberFromRow(fromSqlRow(rows[0])) : null),
  },
  {
    name: "getCommunity",
    args: (m) => [cid(m)],
    viaStore: (tx, [c]) => tx.getCommunity(c as string),
    sql: `SELECT * FROM "communities" WHERE "id" = ?`,
    map: (rows) => (rows[0] ? communityFromRow(fromSqlRow(rows[0])) : null),
  },
  {
    name: "listIntros(volunteer, pending)",
    args: (m, i) => [cid(m), nth(m.pendingIntros, i).volunteerId],
    viaStore: (tx, [c, v]) => tx.listIntros(c as string, { volunteerId: v as string, status: ["pending"] }),
    // The statement the store sends: one person's few rows by the narrow index, status and order applied
    // after (an ORDER BY or status list in the SQL draws SQLite's planner to a wide index).
    sql: `SELECT * FROM "intros" WHERE "community_id" = ? AND "volunteer_id" = ?`,
    map: (rows) =>
      rows
        .map((r) => introFromRow(fromSqlRow(r)))
        .filter((x) => x.status === "pending")
        .sort(byTimeThenId((x) => x.offeredAt)),
  },
  {
    name: "listRequests(seeker)",
    args: (m, i) => [cid(m), nth(m.seekers, i * 7919).memberId],
    viaStore: (tx, [c, s]) => tx.listRequests(c as string, { seekerId: s as string }),
    sql: `SELECT * FROM "chat_requests" WHERE "community_id" = ? AND "seeker_id" = ?`,
    map: (rows) => rows.map((r) => requestFromRow(fromSqlRow(r))).sort(byTimeThenId((x) => x.createdAt)),
  },
];

export interface HotOpFigures {
  op: string;
  prismaMs: number;
  rawMs: number;
  ratio: number;
}

/** Runs one raw query by name with `args`; prepared once per name. */
type RawRunner = { run(name: string, sql: string, args: string[]): Promise<Record<string, unknown>[]>; close(): Promise<void> };

async function rawRunner(target: RawTarget): Promise<RawRunner> {
  if (target.kind === "sqlite") {
    const db = new Database(target.file, { readonly: true });
    const prepared = new Map<string, ReturnType<typeof db.prepare>>();
    return {
      async run(name, sql, args) {
        let st = prepared.get(name);
        if (!st) {
          st = db.prepare(sql);
          prepared.set(name, st);
        }
        return st.all(...args) as Record<string, unknown>[];
      },
      close: async () => void db.close(),
    };
  }
  const client = new pg.Client({
    connectionString: target.connectionString,
    options: `-c search_path="${target.schema}"`,
    // The columns are UTC instants without a zone (as Prisma writes them).
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === 1114 ? (s: string) => new Date(`${s}Z`) : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
    },
  });
  await client.connect();
  let n = 0;
  const numbered = (sql: string) => sql.replace(/\?/g, () => `$${++n}`);
  return {
    async run(name, sql, args) {
      n = 0;
      return (await client.query({ name, text: numbered(sql), values: args })).rows as Record<string, unknown>[];
    },
    close: () => client.end(),
  };
}

/** Times every hot operation `calls` times each way (after a warm-up), median per call. */
export async function measureHotOps(
  store: { tx<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> },
  target: RawTarget,
  model: CommunityModel,
  calls = 300,
): Promise<HotOpFigures[]> {
  const raw = await rawRunner(target);
  try {
    const out: HotOpFigures[] = [];
    for (const op of HOT_OPS) {
      const viaStore = await store.tx(async (tx) => {
        const ms: number[] = [];
        for (let i = -20; i < calls; i++) {
          const args = op.args(model, Math.abs(i));
          const t = performance.now();
          await op.viaStore(tx, args);
          if (i >= 0) ms.push(performance.now() - t);
        }
        return ms;
      });
      const viaRaw: number[] = [];
      for (let i = -20; i < calls; i++) {
        const args = op.args(model, Math.abs(i));
        const t = performance.now();
        op.map(await raw.run(op.name, op.sql, args));
        if (i >= 0) viaRaw.push(performance.now() - t);
      }
      // The two ways must agree, or the comparison says nothing.
      const args = op.args(model, 1);
      const a = JSON.stringify(await store.tx((tx) => op.viaStore(tx, args)));
      const b = JSON.stringify(op.map(await raw.run(op.name, op.sql, args)));
      if (a !== b) throw new Error(`${op.name}: the raw statement disagrees with the store:\n${a}\n${b}`);
      const prismaMs = median(viaStore);
      const rawMs = median(viaRaw);
      out.push({ op: op.name, prismaMs, rawMs, ratio: prismaMs / rawMs });
    }
    return out;
  } finally {
    await raw.close();
  }
}
