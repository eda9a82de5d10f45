import { NoticeSchema } from "../core/domain/index.js";
import type { KeptNotice, PlatformRefKind } from "../core/ports/index.js";
import { parseRow, readJson, toJson } from "./mappers/json.js";
import type { DbTx } from "./prisma-client.js";

/**
 * The platform-side state the store keeps for adapters (Discord DM channels, pair threads,
 * notices kept for members with closed DMs), over one Prisma transaction. Insert-if-absent is
 * a read then a write: SQLite transactions hold the write lock from the start, and a PostgreSQL
 * race fails serialization and is retried by the store, so two processes never both win.
 */
export class PlatformState {
  constructor(private readonly db: DbTx) {}

  async getRef(communityId: string, kind: PlatformRefKind, key: string): Promise<string | null> {
    const r = await this.db.platformRef.findUnique({ where: { communityId_kind_key: { communityId, kind, key } } });
    return r?.value ?? null;
  }

  async claimRef(communityId: string, kind: PlatformRefKind, key: string, value: string, at: Date): Promise<string> {
    const held = await this.getRef(communityId, kind, key);
    if (held !== null) return held;
    await this.db.platformRef.create({ data: { communityId, kind, key, value, createdAt: at } });
    return value;
  }

  async dropRef(communityId: string, kind: PlatformRefKind, key: string, value: string): Promise<void> {
    await this.db.platformRef.deleteMany({ where: { communityId, kind, key, value } });
  }

  async keep(n: KeptNotice): Promise<boolean> {
    const where = { communityId_memberId_key: { communityId: n.communityId, memberId: n.memberId, key: n.key } };
    if (await this.db.missedNotice.findUnique({ where })) return false;
    await this.db.missedNotice.create({
      data: { communityId: n.communityId, memberId: n.memberId, key: n.key, notice: toJson(n.notice), createdAt: n.createdAt },
    });
    return true;
  }

  async take(communityId: string, memberId: string, limit: number): Promise<KeptNotice[]> {
    if (limit <= 0) return [];
    const rows = await this.db.missedNotice.findMany({
      where: { communityId, memberId },
      orderBy: [{ createdAt: "asc" }, { key: "asc" }],
      take: limit,
    });
    if (rows.length === 0) return [];
    await this.db.missedNotice.deleteMany({ where: { communityId, memberId, key: { in: rows.map((r) => r.key) } } });
    return rows.map((r) => {
      const where = `missed_notices(${r.communityId}, ${r.memberId}, ${r.key})`;
      return { ...r, notice: parseRow(NoticeSchema, readJson(r.notice, where), where) };
    });
  }
}
