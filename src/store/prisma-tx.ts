import type {
  Chat,
  ChatRequest,
  Community,
  Feedback,
  Intro,
  Member,
  Nudge,
  SeekerProfile,
  VolunteerProfile,
} from "../core/domain/index.js";
import type { ChatFilter, IntroFilter, KeptNotice, NudgeFilter, PlatformRefKind, RequestFilter, StoreTx } from "../core/ports/index.js";
import type { Prisma } from "./generated/sqlite/client.js";
import { chatFromRow, chatToRow } from "./mappers/chat.js";
import { requestFromRow, requestToRow } from "./mappers/chat-request.js";
import { communityFromRow, communityToRow } from "./mappers/community.js";
import { feedbackFromRow, feedbackToRow } from "./mappers/feedback.js";
import { introFromRow, introToRow } from "./mappers/intro.js";
import { memberFromRow, memberToRow } from "./mappers/member.js";
import { nudgeFromRow, nudgeToRow } from "./mappers/nudge.js";
import { seekerFromRow, seekerToRow, volunteerFromRow, volunteerToRow } from "./mappers/profiles.js";
import { chunks, Gate, inChunks, lastPerKey, rowsPerInsert } from "./chunk.js";
import { INSERT_CHUNK, insertNudgesSql } from "./nudge-sql.js";
import type { DbTx } from "./prisma-client.js";
import { PlatformState } from "./prisma-platform-state.js";
import { markInboxAppliedIn } from "./prisma-inbox.js";

const ASC = "asc" as const;

/** The filter of NudgeFilter as a Prisma where clause (filters.ts semantics). */
export function nudgeWhere(communityId: string, f: NudgeFilter): Prisma.NudgeWhereInput {
  return {
    communityId,
    ...(f.refId !== undefined && { refId: f.refId }),
    ...(f.to !== undefined && { OR: [{ recipient1: f.to }, { recipient2: f.to }] }),
    ...(f.kinds !== undefined && { kind: { in: [...f.kinds] } }),
    ...(f.status !== undefined && { status: { in: [...f.status] } }),
  };
}

/**
 * StoreTx over one interactive Prisma transaction. Filters and orderings follow
 * src/store/filters.ts and MemoryStore; ties in time order fall back to the id.
 */
export class PrismaTx implements StoreTx {
  /** Keeps concurrent single-row reads from merging into one statement over the bound-value limit (chunk.ts). */
  private readonly reads = new Gate();

  constructor(private readonly db: DbTx) {}

  async getCommunity(id: string): Promise<Community | null> {
    const r = await this.reads.run(() => this.db.community.findUnique({ where: { id } }));
    return r && communityFromRow(r);
  }
  async saveCommunity(c: Community): Promise<void> {
    const row = communityToRow(c);
    await this.db.community.upsert({ where: { id: c.id }, create: row, update: row });
  }
  async listCommunities(): Promise<Community[]> {
    const rows = await this.db.community.findMany({ orderBy: [{ createdAt: ASC }, { id: ASC }] });
    return rows.map(communityFromRow);
  }

  async getMember(communityId: string, id: string): Promise<Member | null> {
    const r = await this.reads.run(() => this.db.member.findUnique({ where: { communityId_id: { communityId, id } } }));
    return r && memberFromRow(r);
  }
  async saveMember(m: Member): Promise<void> {
    const row = memberToRow(m);
    await this.db.member.upsert({ where: { communityId_id: { communityId: m.communityId, id: m.id } }, create: row, update: row });
  }
  async listMembers(communityId: string): Promise<Member[]> {
    const rows = await this.db.member.findMany({ where: { communityId }, orderBy: [{ createdAt: ASC }, { id: ASC }] });
    return rows.map(memberFromRow);
  }
  async getMembers(communityId: string, ids: readonly string[]): Promise<Member[]> {
    const rows = await inChunks([...new Set(ids)], (piece) => this.db.member.findMany({ where: { communityId, id: { in: piece } } }));
    const found = new Map(rows.map((r) => [r.id, memberFromRow(r)]));
    return [...new Set(ids)].flatMap((id) => found.get(id) ?? []);
  }

  async getSeeker(communityId: string, memberId: string): Promise<SeekerProfile | null> {
    const r = await this.reads.run(() => this.db.seekerProfile.findUnique({ where: { communityId_memberId: { communityId, memberId } } }));
    return r && seekerFromRow(r);
  }
  async listSeekers(communityId: string): Promise<SeekerProfile[]> {
    const rows = await this.db.seekerProfile.findMany({ where: { communityId } });
    return rows.map(seekerFromRow).sort((a, b) => a.memberId.localeCompare(b.memberId));
  }
  async getSeekers(communityId: string, memberIds: readonly string[]): Promise<SeekerProfile[]> {
    const ids = [...new Set(memberIds)];
    const rows = await inChunks(ids, (piece) => this.db.seekerProfile.findMany({ where: { communityId, memberId: { in: piece } } }));
    const found = new Map(rows.map((r) => [r.memberId, seekerFromRow(r)]));
    return ids.flatMap((id) => found.get(id) ?? []);
  }
  async saveSeeker(p: SeekerProfile): Promise<void> {
    const row = seekerToRow(p);
    const where = { communityId_memberId: { communityId: p.communityId, memberId: p.memberId } };
    await this.db.seekerProfile.upsert({ where, create: row, update: row });
  }
  async deleteSeeker(communityId: string, memberId: string): Promise<void> {
    await this.db.seekerProfile.deleteMany({ where: { communityId, memberId } });
  }

  async getVolunteer(communityId: string, memberId: string): Promise<VolunteerProfile | null> {
    const r = await this.reads.run(() =>
      this.db.volunteerProfile.findUnique({ where: { communityId_memberId: { communityId, memberId } } }),
    );
    return r && volunteerFromRow(r);
  }
  async saveVolunteer(p: VolunteerProfile): Promise<void> {
    const row = volunteerToRow(p);
    const where = { communityId_memberId: { communityId: p.communityId, memberId: p.memberId } };
    await this.db.volunteerProfile.upsert({ where, create: row, update: row });
  }
  async listVolunteers(communityId: string): Promise<VolunteerProfile[]> {
    const rows = await this.db.volunteerProfile.findMany({ where: { communityId } });
    // localeCompare, as MemoryStore does: database collations differ between engines.
    return rows.map(volunteerFromRow).sort((a, b) => a.memberId.localeCompare(b.memberId));
  }
  async deleteVolunteer(communityId: string, memberId: string): Promise<void> {
    await this.db.volunteerProfile.deleteMany({ where: { communityId, memberId } });
  }

  async getRequest(communityId: string, id: string): Promise<ChatRequest | null> {
    const r = await this.reads.run(() => this.db.chatRequest.findUnique({ where: { communityId_id: { communityId, id } } }));
    return r && requestFromRow(r);
  }
  async saveRequest(r: ChatRequest): Promise<void> {
    const row = requestToRow(r);
    await this.db.chatRequest.upsert({ where: { communityId_id: { communityId: r.communityId, id: r.id } }, create: row, update: row });
  }
  async saveRequests(rs: readonly ChatRequest[]): Promise<void> {
    await this.replaceMany(
      rs,
      requestToRow,
      (communityId, ids) => this.db.chatRequest.deleteMany({ where: { communityId, id: { in: ids } } }),
      (data) => this.db.chatRequest.createMany({ data }),
    );
  }
  async listRequests(communityId: string, f: RequestFilter = {}): Promise<ChatRequest[]> {
    const rows = await this.db.chatRequest.findMany({
      where: {
        communityId,
        ...(f.seekerId !== undefined && { seekerId: f.seekerId }),
        ...(f.status !== undefined && { status: { in: [...f.status] } }),
      },
      orderBy: [{ createdAt: ASC }, { id: ASC }],
    });
    return rows.map(requestFromRow);
  }

  async getIntro(communityId: string, id: string): Promise<Intro | null> {
    const r = await this.reads.run(() => this.db.intro.findUnique({ where: { communityId_id: { communityId, id } } }));
    return r && introFromRow(r);
  }
  async saveIntro(i: Intro): Promise<void> {
    const row = introToRow(i);
    await this.db.intro.upsert({ where: { communityId_id: { communityId: i.communityId, id: i.id } }, create: row, update: row });
  }
  async saveIntros(is: readonly Intro[]): Promise<void> {
    await this.replaceMany(
      is,
      introToRow,
      (communityId, ids) => this.db.intro.deleteMany({ where: { communityId, id: { in: ids } } }),
      (data) => this.db.intro.createMany({ data }),
    );
  }
  async listIntros(communityId: string, f: IntroFilter = {}): Promise<Intro[]> {
    const rows = await this.db.intro.findMany({
      where: {
        communityId,
        ...(f.requestId !== undefined && { requestId: f.requestId }),
        ...(f.volunteerId !== undefined && { volunteerId: f.volunteerId }),
        ...(f.seekerId !== undefined && { seekerId: f.seekerId }),
        ...(f.status !== undefined && { status: { in: [...f.status] } }),
        ...(f.deadlineBefore !== undefined && { deadline: { lte: f.deadlineBefore } }),
      },
      orderBy: [{ offeredAt: ASC }, { id: ASC }],
    });
    return rows.map(introFromRow);
  }

  async getChat(communityId: string, id: string): Promise<Chat | null> {
    const r = await this.reads.run(() => this.db.chat.findUnique({ where: { communityId_id: { communityId, id } } }));
    return r && chatFromRow(r);
  }
  async saveChat(c: Chat): Promise<void> {
    const row = chatToRow(c);
    await this.db.chat.upsert({ where: { communityId_id: { communityId: c.communityId, id: c.id } }, create: row, update: row });
  }
  async listChats(communityId: string, f: ChatFilter = {}): Promise<Chat[]> {
    const rows = await this.db.chat.findMany({
      where: {
        communityId,
        ...(f.memberId !== undefined && { OR: [{ seekerId: f.memberId }, { volunteerId: f.memberId }] }),
        ...(f.requestId !== undefined && { requestId: f.requestId }),
        ...(f.status !== undefined && { status: { in: [...f.status] } }),
        ...(f.createdSince !== undefined && { createdAt: { gte: f.createdSince } }),
      },
      orderBy: [{ createdAt: ASC }, { id: ASC }],
    });
    return rows.map(chatFromRow);
  }

  async saveFeedback(f: Feedback): Promise<void> {
    // One per author and chat, and one per id: drop whichever rows either rule would clash with.
    await this.db.feedback.deleteMany({
      where: { communityId: f.communityId, OR: [{ chatId: f.chatId, fromId: f.fromId }, { id: f.id }] },
    });
    await this.db.feedback.create({ data: feedbackToRow(f) });
  }
  async listFeedback(communityId: string, f: { aboutId?: string; chatId?: string; fromId?: string } = {}): Promise<Feedback[]> {
    const rows = await this.db.feedback.findMany({
      where: {
        communityId,
        ...(f.aboutId !== undefined && { aboutId: f.aboutId }),
        ...(f.chatId !== undefined && { chatId: f.chatId }),
        ...(f.fromId !== undefined && { fromId: f.fromId }),
      },
      orderBy: [{ createdAt: ASC }, { id: ASC }],
    });
    return rows.map(feedbackFromRow);
  }
  async deleteFeedbackFrom(communityId: string, fromId: string): Promise<number> {
    return (await this.db.feedback.deleteMany({ where: { communityId, fromId } })).count;
  }

  async deleteNudges(communityId: string, ids: readonly string[]): Promise<number> {
    let deleted = 0;
    for (const piece of chunks(ids)) deleted += (await this.db.nudge.deleteMany({ where: { communityId, id: { in: piece } } })).count;
    return deleted;
  }
  markInboxApplied(id: string, run: string, at: Date): Promise<boolean> {
    return markInboxAppliedIn(this.db, id, run, at);
  }

  async deleteMember(communityId: string, id: string): Promise<void> {
    await this.db.member.deleteMany({ where: { communityId, id } });
  }

  getPlatformRef(communityId: string, kind: PlatformRefKind, key: string): Promise<string | null> {
    return new PlatformState(this.db).getRef(communityId, kind, key);
  }
  claimPlatformRef(communityId: string, kind: PlatformRefKind, key: string, value: string, at: Date): Promise<string> {
    return new PlatformState(this.db).claimRef(communityId, kind, key, value, at);
  }
  dropPlatformRef(communityId: string, kind: PlatformRefKind, key: string, value: string): Promise<void> {
    return new PlatformState(this.db).dropRef(communityId, kind, key, value);
  }
  keepNotice(n: KeptNotice): Promise<boolean> {
    return new PlatformState(this.db).keep(n);
  }
  takeKeptNotices(communityId: string, memberId: string, limit: number): Promise<KeptNotice[]> {
    return new PlatformState(this.db).take(communityId, memberId, limit);
  }

  async addNudges(nudges: readonly Nudge[]): Promise<number> {
    let inserted = 0;
    for (let i = 0; i < nudges.length; i += INSERT_CHUNK) {
      inserted += await this.db.$executeRaw(insertNudgesSql(nudges.slice(i, i + INSERT_CHUNK).map(nudgeToRow)));
    }
    return inserted;
  }
  async listNudges(communityId: string, f: NudgeFilter = {}): Promise<Nudge[]> {
    const rows = await this.db.nudge.findMany({
      where: nudgeWhere(communityId, f),
      orderBy: [{ dueAt: ASC }, { createdAt: ASC }, { id: ASC }],
    });
    return rows.map(nudgeFromRow);
  }
  async cancelNudges(communityId: string, f: NudgeFilter): Promise<number> {
    const { count } = await this.db.nudge.updateMany({
      where: { AND: [{ status: "pending" }, nudgeWhere(communityId, f)] },
      data: { status: "cancelled", leaseOwner: null, leaseUntil: null },
    });
    return count;
  }

  /**
   * Insert-or-replace for many records keyed by (communityId, id), as a few statements: the
   * old rows of the batch's keys go, then the new ones are inserted many per statement, so the
   * result is what one save per record would leave (nothing references these rows by key).
   */
  private async replaceMany<T extends { communityId: string; id: string }, R extends object>(
    records: readonly T[],
    toRow: (r: T) => R,
    remove: (communityId: string, ids: string[]) => Promise<unknown>,
    insert: (rows: R[]) => Promise<unknown>,
  ): Promise<void> {
    const unique = lastPerKey(records, (r) => `${r.communityId}\u0000${r.id}`);
    const communities = new Map<string, T[]>();
    for (const r of unique) {
      const list = communities.get(r.communityId);
      if (list) list.push(r);
      else communities.set(r.communityId, [r]);
    }
    for (const [communityId, rs] of communities) for (const piece of chunks(rs.map((r) => r.id))) await remove(communityId, piece);
    const rows = unique.map(toRow);
    const first = rows[0];
    if (first) for (const piece of chunks(rows, rowsPerInsert(first))) await insert(piece);
  }
}
