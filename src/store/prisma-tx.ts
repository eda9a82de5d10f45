import type {
  Chat,
  ChatRequest,
  Community,
  DashboardGrant,
  Feedback,
  Intro,
  RequestStatus,
  Member,
  Nudge,
  PeerGroup,
  PeerProfile,
  PeerRound,
  SeekerProfile,
  VolunteerProfile,
} from "../core/domain/index.js";
import type {
  ChatFilter,
  FeedbackFilter,
  Installation,
  IntroFilter,
  KeptNotice,
  NudgeFilter,
  PeerGroupFilter,
  PlatformRefKind,
  RequestFilter,
  StoreTx,
  TagCounts,
} from "../core/ports/index.js";
import { raw, sqltag as sql } from "@prisma/client/runtime/client";
import { chatFromRow, chatToRow } from "./mappers/chat.js";
import { requestFromRow, requestToRow } from "./mappers/chat-request.js";
import { communityFromRow, communityToRow } from "./mappers/community.js";
import { feedbackFromRow, feedbackToRow } from "./mappers/feedback.js";
import { installationFromRow, installationToRow } from "./mappers/installation.js";
import { introFromRow, introToRow } from "./mappers/intro.js";
import { memberFromRow, memberToRow } from "./mappers/member.js";
import { nudgeFromRow, nudgeToRow } from "./mappers/nudge.js";
import { seekerFromRow, seekerToRow, volunteerFromRow, volunteerToRow } from "./mappers/profiles.js";
import { INSERT_CHUNK, insertNudgesSql } from "./nudge-sql.js";
import { HotReads } from "./hot-reads.js";
import type { DbTx } from "./prisma-client.js";
import { COMMUNITY, INSTALLATION, INTRO, CHAT, MEMBER, REQUEST, SEEKER, VOLUNTEER } from "./row-specs.js";
import { prismaRows, type RowReader } from "./sqlite-rows.js";
import { PlatformState } from "./prisma-platform-state.js";
import { DashboardGrants } from "./prisma-dashboard.js";
import { PeerRecords } from "./prisma-peers.js";
import { markInboxAppliedIn } from "./prisma-inbox.js";
import { readTags, TagIndex } from "./prisma-tags.js";
import { chunk, lastPerKey, rowsPerInsert } from "./chunk.js";

const ASC = "asc" as const;

/** `"community_id" = … AND "<column>" = …`: one record of a community by its key. */
const key = (communityId: string, column: "id" | "member_id", id: string) =>
  sql`"community_id" = ${communityId} AND ${raw(`"${column}"`)} = ${id}`;

/**
 * StoreTx over one interactive Prisma transaction. Filters and orderings follow
 * src/store/filters.ts and MemoryStore; ties in time order fall back to the id.
 * Records are read and saved through HotReads (plain SQL on `reader`, by default Prisma's
 * `$queryRaw`); the rest goes through Prisma's query builder.
 */
export class PrismaTx implements StoreTx {
  private readonly hot: HotReads;
  private readonly tags: TagIndex;
  private readonly grants: DashboardGrants;
  private readonly peers: PeerRecords;
  constructor(
    private readonly db: DbTx,
    reader: RowReader = prismaRows(db),
  ) {
    this.hot = new HotReads(reader);
    this.tags = new TagIndex(reader);
    this.grants = new DashboardGrants(this.hot);
    this.peers = new PeerRecords(this.hot);
  }

  async getCommunity(id: string): Promise<Community | null> {
    const r = await this.hot.one(COMMUNITY, sql`"id" = ${id}`);
    return r && communityFromRow(r);
  }
  async saveCommunity(c: Community): Promise<void> {
    await this.hot.save(COMMUNITY, communityToRow(c));
  }
  async listCommunities(): Promise<Community[]> {
    const rows = await this.db.community.findMany({ orderBy: [{ createdAt: ASC }, { id: ASC }] });
    return rows.map(communityFromRow);
  }
  async communitiesWithRequests(statuses: readonly RequestStatus[]): Promise<string[]> {
    if (statuses.length === 0) return [];
    const away = await this.unreachable();
    const rows = await this.db.chatRequest.groupBy({
      by: ["communityId"],
      where: { status: { in: [...statuses] }, communityId: { notIn: away } },
    });
    return rows.map((r) => r.communityId);
  }
  async communitiesWithPeers(): Promise<string[]> {
    const away = await this.unreachable();
    const rows = await this.db.peerProfile.groupBy({ by: ["communityId"], where: { active: true, communityId: { notIn: away } } });
    return rows.map((r) => r.communityId);
  }
  /** The communities the platform cannot reach now (few: uninstalled ones), which the sweeps pass over. */
  private async unreachable(): Promise<string[]> {
    const rows = await this.db.community.findMany({ where: { inactiveSince: { not: null } }, select: { id: true } });
    return rows.map((r) => r.id);
  }
  async listIntrosPastDeadline(at: Date): Promise<Intro[]> {
    const away = await this.unreachable();
    const rows = await this.db.intro.findMany({
      where: { status: "pending", deadline: { lte: at }, communityId: { notIn: away } },
      orderBy: [{ offeredAt: ASC }, { id: ASC }],
    });
    return rows.map(introFromRow);
  }

  async getMember(communityId: string, id: string): Promise<Member | null> {
    const r = await this.hot.one(MEMBER, key(communityId, "id", id));
    return r && memberFromRow(r);
  }
  async getMembers(communityId: string, ids: readonly string[]): Promise<Member[]> {
    return (await this.hot.byIds(MEMBER, communityId, "id", ids, (r) => r.id)).map(memberFromRow);
  }
  async saveMember(m: Member): Promise<void> {
    await this.hot.save(MEMBER, memberToRow(m));
  }
  async listMembers(communityId: string): Promise<Member[]> {
    const rows = await this.db.member.findMany({ where: { communityId }, orderBy: [{ createdAt: ASC }, { id: ASC }] });
    return rows.map(memberFromRow);
  }

  async getSeeker(communityId: string, memberId: string): Promise<SeekerProfile | null> {
    const r = await this.hot.one(SEEKER, key(communityId, "member_id", memberId));
    return r && seekerFromRow(r);
  }
  async listSeekers(communityId: string): Promise<SeekerProfile[]> {
    const rows = await this.db.seekerProfile.findMany({ where: { communityId } });
    return rows.map(seekerFromRow).sort((a, b) => a.memberId.localeCompare(b.memberId));
  }
  async getSeekers(communityId: string, memberIds: readonly string[]): Promise<SeekerProfile[]> {
    return (await this.hot.byIds(SEEKER, communityId, "member_id", memberIds, (r) => r.memberId)).map(seekerFromRow);
  }
  async saveSeeker(p: SeekerProfile): Promise<void> {
    const before = await this.getSeeker(p.communityId, p.memberId);
    await this.hot.save(SEEKER, seekerToRow(p));
    await this.tags.seekerChanged(p.communityId, before?.interests ?? null, p.interests);
  }
  async deleteSeeker(communityId: string, memberId: string): Promise<void> {
    const before = await this.getSeeker(communityId, memberId);
    if (!before) return;
    await this.db.seekerProfile.deleteMany({ where: { communityId, memberId } });
    await this.tags.seekerChanged(communityId, before.interests, null);
  }

  async getVolunteer(communityId: string, memberId: string): Promise<VolunteerProfile | null> {
    const r = await this.hot.one(VOLUNTEER, key(communityId, "member_id", memberId));
    return r && volunteerFromRow(r);
  }
  async getVolunteers(communityId: string, memberIds: readonly string[]): Promise<VolunteerProfile[]> {
    return (await this.hot.byIds(VOLUNTEER, communityId, "member_id", memberIds, (r) => r.memberId)).map(volunteerFromRow);
  }
  async saveVolunteer(p: VolunteerProfile): Promise<void> {
    const before = await this.getVolunteer(p.communityId, p.memberId);
    await this.hot.save(VOLUNTEER, volunteerToRow(p));
    await this.tags.volunteerChanged(p.communityId, p.memberId, before, p);
  }
  async listVolunteers(communityId: string): Promise<VolunteerProfile[]> {
    const rows = await this.db.volunteerProfile.findMany({ where: { communityId } });
    // localeCompare, as MemoryStore does: database collations differ between engines.
    return rows.map(volunteerFromRow).sort((a, b) => a.memberId.localeCompare(b.memberId));
  }
  async listVolunteersWithTags(communityId: string, tags: readonly string[]): Promise<VolunteerProfile[]> {
    const ids = await this.tags.membersWithTags(communityId, tags);
    const rows = await this.hot.byIds(VOLUNTEER, communityId, "member_id", ids, (r) => r.memberId);
    return rows
      .map(volunteerFromRow)
      .filter((p) => p.active)
      .sort((a, b) => a.memberId.localeCompare(b.memberId));
  }
  listOfferedTags(communityId: string, exceptMemberId: string): Promise<string[]> {
    return this.tags.offered(communityId, exceptMemberId);
  }
  tagCounts(communityId: string, tags?: readonly string[]): Promise<TagCounts> {
    return this.tags.counts(communityId, tags);
  }
  async deleteVolunteer(communityId: string, memberId: string): Promise<void> {
    const before = await this.getVolunteer(communityId, memberId);
    if (!before) return;
    await this.db.volunteerProfile.deleteMany({ where: { communityId, memberId } });
    await this.tags.volunteerChanged(communityId, memberId, before, null);
  }

  async getRequest(communityId: string, id: string): Promise<ChatRequest | null> {
    const r = await this.hot.one(REQUEST, key(communityId, "id", id));
    return r && requestFromRow(r);
  }
  async getRequests(communityId: string, ids: readonly string[]): Promise<ChatRequest[]> {
    return (await this.hot.byIds(REQUEST, communityId, "id", ids, (r) => r.id)).map(requestFromRow);
  }
  async saveRequest(r: ChatRequest): Promise<void> {
    const before = await this.hot.one(REQUEST, key(r.communityId, "id", r.id));
    const row = requestToRow(r);
    if (before?.tags !== row.tags)
      await this.tags.requestChanged(
        r.communityId,
        before ? readTags(before.tags, `chat_requests(${r.communityId}, ${r.id})`) : null,
        r.tags,
      );
    await this.hot.save(REQUEST, row);
  }
  async saveRequests(rs: readonly ChatRequest[]): Promise<void> {
    // The tag counts move as one saveRequest per record would move them.
    const byCommunity = new Map<string, ChatRequest[]>();
    for (const r of lastPerKey(rs, (x) => `${x.communityId}\u0000${x.id}`))
      byCommunity.set(r.communityId, [...(byCommunity.get(r.communityId) ?? []), r]);
    for (const [communityId, list] of byCommunity) {
      const before = new Map(
        (
          await this.hot.byIds(
            REQUEST,
            communityId,
            "id",
            list.map((r) => r.id),
            (r) => r.id,
          )
        ).map((r) => [r.id, r.tags]),
      );
      for (const r of list) {
        const was = before.get(r.id);
        if (was === requestToRow(r).tags) continue;
        await this.tags.requestChanged(
          communityId,
          was === undefined ? null : readTags(was, `chat_requests(${communityId}, ${r.id})`),
          r.tags,
        );
      }
    }
    await this.replaceMany(
      rs,
      requestToRow,
      (communityId, ids) => this.db.chatRequest.deleteMany({ where: { communityId, id: { in: ids } } }),
      (data) => this.db.chatRequest.createMany({ data }),
    );
  }
  async listRequests(communityId: string, f: RequestFilter = {}): Promise<ChatRequest[]> {
    return (await this.hot.requests(communityId, f)).map(requestFromRow);
  }

  async getIntro(communityId: string, id: string): Promise<Intro | null> {
    const r = await this.hot.one(INTRO, key(communityId, "id", id));
    return r && introFromRow(r);
  }
  async saveIntro(i: Intro): Promise<void> {
    await this.hot.save(INTRO, introToRow(i));
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
    return (await this.hot.intros(communityId, f)).map(introFromRow);
  }

  async getChat(communityId: string, id: string): Promise<Chat | null> {
    const r = await this.hot.one(CHAT, key(communityId, "id", id));
    return r && chatFromRow(r);
  }
  async saveChat(c: Chat): Promise<void> {
    await this.hot.save(CHAT, chatToRow(c));
  }
  async listChats(communityId: string, f: ChatFilter = {}): Promise<Chat[]> {
    return (await this.hot.chats(communityId, f)).map(chatFromRow);
  }

  async saveFeedback(f: Feedback): Promise<void> {
    // One per author and chat, and one per id: drop whichever rows either rule would clash with.
    await this.db.feedback.deleteMany({
      where: { communityId: f.communityId, OR: [{ chatId: f.chatId, fromId: f.fromId }, { id: f.id }] },
    });
    await this.db.feedback.create({ data: feedbackToRow(f) });
  }
  async listFeedback(communityId: string, f: FeedbackFilter = {}): Promise<Feedback[]> {
    return (await this.hot.feedback(communityId, f)).map(feedbackFromRow);
  }

  async deleteFeedbackFrom(communityId: string, fromId: string): Promise<number> {
    return (await this.db.feedback.deleteMany({ where: { communityId, fromId } })).count;
  }

  async deleteNudges(communityId: string, ids: readonly string[]): Promise<number> {
    let deleted = 0;
    for (const piece of chunk(ids)) deleted += (await this.db.nudge.deleteMany({ where: { communityId, id: { in: piece } } })).count;
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
      inserted += await this.hot.run(insertNudgesSql(nudges.slice(i, i + INSERT_CHUNK).map(nudgeToRow)));
    }
    return inserted;
  }
  async listNudges(communityId: string, f: NudgeFilter = {}): Promise<Nudge[]> {
    return (await this.hot.nudges(communityId, f)).map(nudgeFromRow);
  }

  cancelNudges(communityId: string, f: NudgeFilter): Promise<number> {
    return this.hot.cancelNudges(communityId, f);
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
    for (const [communityId, rs] of communities) for (const piece of chunk(rs.map((r) => r.id))) await remove(communityId, piece);
    const rows = unique.map(toRow);
    const first = rows[0];
    if (first) for (const piece of chunk(rows, rowsPerInsert(first))) await insert(piece);
  }

  async getInstallation(id: string): Promise<Installation | null> {
    const r = await this.hot.one(INSTALLATION, sql`"id" = ${id}`);
    return r && installationFromRow(r);
  }
  async saveInstallation(i: Installation): Promise<void> {
    await this.hot.save(INSTALLATION, installationToRow(i));
  }
  async deleteInstallation(id: string): Promise<boolean> {
    return (await this.hot.run(sql`DELETE FROM "installations" WHERE "id" = ${id}`)) > 0;
  }
  async listInstallations(): Promise<Installation[]> {
    const rows = await this.db.installation.findMany({ orderBy: [{ installedAt: ASC }, { id: ASC }] });
    return rows.map(installationFromRow);
  }

  saveDashboardGrant(g: DashboardGrant): Promise<void> {
    return this.grants.save(g);
  }
  getDashboardGrant(hash: string): Promise<DashboardGrant | null> {
    return this.grants.get(hash);
  }
  useDashboardLink(hash: string, at: Date): Promise<boolean> {
    return this.grants.useLink(hash, at);
  }
  deleteDashboardGrant(hash: string): Promise<boolean> {
    return this.grants.delete(hash);
  }
  pruneDashboardGrants(before: Date): Promise<number> {
    return this.grants.prune(before);
  }

  getPeerProfile(communityId: string, memberId: string): Promise<PeerProfile | null> {
    return this.peers.getProfile(communityId, memberId);
  }
  savePeerProfile(p: PeerProfile): Promise<void> {
    return this.peers.saveProfile(p);
  }
  listPeerProfiles(communityId: string): Promise<PeerProfile[]> {
    return this.peers.listProfiles(communityId);
  }
  deletePeerProfile(communityId: string, memberId: string): Promise<void> {
    return this.peers.deleteProfile(communityId, memberId);
  }
  savePeerRound(r: PeerRound): Promise<void> {
    return this.peers.saveRound(r);
  }
  listPeerRounds(communityId: string, limit: number): Promise<PeerRound[]> {
    return this.peers.listRounds(communityId, limit);
  }
  getPeerGroup(communityId: string, id: string): Promise<PeerGroup | null> {
    return this.peers.getGroup(communityId, id);
  }
  savePeerGroups(gs: readonly PeerGroup[]): Promise<void> {
    return this.peers.saveGroups(gs);
  }
  listPeerGroups(communityId: string, filter?: PeerGroupFilter): Promise<PeerGroup[]> {
    return this.peers.listGroups(communityId, filter);
  }
}
