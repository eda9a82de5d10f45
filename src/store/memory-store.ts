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
  Inbox,
  Installation,
  InboxEntry,
  IntroFilter,
  KeptNotice,
  NudgeFilter,
  NudgeOutbox,
  PeerGroupFilter,
  PlatformRefKind,
  RequestFilter,
  Store,
  StoreTx,
} from "../core/ports/index.js";
import { matchesChat, matchesFeedback, matchesIntro, matchesNudge, matchesRequest } from "./filters.js";
import { countTags } from "./tag-counts.js";
import { MemoryGrants } from "./memory-dashboard.js";
import { MemoryPeers, type PeerTables } from "./memory-peers.js";
import { MemoryInbox } from "./memory-inbox.js";
import { MemoryOutbox } from "./memory-outbox.js";

interface Tables extends PeerTables {
  communities: Map<string, Community>;
  members: Map<string, Member>;
  seekers: Map<string, SeekerProfile>;
  volunteers: Map<string, VolunteerProfile>;
  requests: Map<string, ChatRequest>;
  intros: Map<string, Intro>;
  chats: Map<string, Chat>;
  feedback: Map<string, Feedback>;
  nudges: Map<string, Nudge>;
  platformRefs: Map<string, string>;
  keptNotices: Map<string, KeptNotice>;
  /** Inbox entries by id (global, like platform request ids). */
  inbox: Map<string, InboxEntry>;
  /** Installations by id (global: each names the community it reaches). */
  installations: Map<string, Installation>;
  /** Dashboard links and sessions by the hash of their secret (global). */
  dashboardGrants: Map<string, DashboardGrant>;
}

const emptyTables = (): Tables => ({
  communities: new Map(),
  members: new Map(),
  seekers: new Map(),
  volunteers: new Map(),
  requests: new Map(),
  intros: new Map(),
  chats: new Map(),
  feedback: new Map(),
  nudges: new Map(),
  platformRefs: new Map(),
  keptNotices: new Map(),
  inbox: new Map(),
  installations: new Map(),
  dashboardGrants: new Map(),
  peerProfiles: new Map(),
  peerRounds: new Map(),
  peerGroups: new Map(),
});

const k = (communityId: string, id: string): string => `${communityId}\u0000${id}`;
const copy = <T>(v: T): T => structuredClone(v);
const inCommunity = <T extends { communityId: string }>(m: Map<string, T>, communityId: string): T[] =>
  [...m.values()].filter((v) => v.communityId === communityId);
/** The records of `ids` that exist, each once, in the order of `ids`, as copies. */
const byIds = <T>(m: Map<string, T>, communityId: string, ids: readonly string[]): T[] =>
  [...new Set(ids)].flatMap((id) => {
    const v = m.get(k(communityId, id));
    return v ? [copy(v)] : [];
  });
const byTime =
  <T>(f: (v: T) => Date) =>
  (a: T, b: T) =>
    f(a).getTime() - f(b).getTime();

/**
 * The Store port in memory: fast unit tests and the shell's throwaway sessions.
 * Transactions run one at a time; a throwing transaction leaves nothing behind.
 * Records are copied in and out so callers can never mutate stored state by accident.
 */
export class MemoryStore implements Store {
  private t: Tables = emptyTables();
  private queue: Promise<unknown> = Promise.resolve();

  readonly outbox: NudgeOutbox = new MemoryOutbox((f) => this.serial(async () => f(this.t)));
  readonly inbox: Inbox = new MemoryInbox((f) => this.serial(async () => f(this.t.inbox)));

  tx<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      const before = this.t;
      this.t = copyTables(before);
      try {
        return await fn(new MemoryTx(this.t));
      } catch (e) {
        this.t = before;
        throw e;
      }
    });
  }

  /** Runs one unit of work at a time, in call order, like a single database connection. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {}
}

function copyTables(t: Tables): Tables {
  // Shallow map copies are enough: every write replaces a record with a fresh copy.
  return {
    communities: new Map(t.communities),
    members: new Map(t.members),
    seekers: new Map(t.seekers),
    volunteers: new Map(t.volunteers),
    requests: new Map(t.requests),
    intros: new Map(t.intros),
    chats: new Map(t.chats),
    feedback: new Map(t.feedback),
    nudges: new Map(t.nudges),
    platformRefs: new Map(t.platformRefs),
    keptNotices: new Map(t.keptNotices),
    inbox: new Map(t.inbox),
    installations: new Map(t.installations),
    dashboardGrants: new Map(t.dashboardGrants),
    peerProfiles: new Map(t.peerProfiles),
    peerRounds: new Map(t.peerRounds),
    peerGroups: new Map(t.peerGroups),
  };
}

class MemoryTx implements StoreTx {
  constructor(private readonly t: Tables) {}

  async getCommunity(id: string) {
    const c = this.t.communities.get(id);
    return c ? copy(c) : null;
  }
  async saveCommunity(c: Community) {
    this.t.communities.set(c.id, copy(c));
  }
  async listCommunities() {
    return [...this.t.communities.values()].sort(byTime((c) => c.createdAt)).map(copy);
  }
  async communitiesWithRequests(statuses: readonly RequestStatus[]) {
    const reachable = (id: string) => this.t.communities.get(id)?.inactiveSince === undefined;
    return [
      ...new Set(
        [...this.t.requests.values()].filter((r) => statuses.includes(r.status) && reachable(r.communityId)).map((r) => r.communityId),
      ),
    ];
  }
  async listIntrosPastDeadline(at: Date) {
    const reachable = (id: string) => this.t.communities.get(id)?.inactiveSince === undefined;
    return [...this.t.intros.values()]
      .filter((i) => i.status === "pending" && i.deadline <= at && reachable(i.communityId))
      .sort(byTime((i) => i.offeredAt))
      .map(copy);
  }

  async getMember(communityId: string, id: string) {
    const m = this.t.members.get(k(communityId, id));
    return m ? copy(m) : null;
  }
  async saveMember(m: Member) {
    this.t.members.set(k(m.communityId, m.id), copy(m));
  }
  async getMembers(communityId: string, ids: readonly string[]) {
    return byIds(this.t.members, communityId, ids);
  }
  async listMembers(communityId: string) {
    return inCommunity(this.t.members, communityId)
      .sort(byTime((m) => m.createdAt))
      .map(copy);
  }

  async getSeeker(communityId: string, memberId: string) {
    const p = this.t.seekers.get(k(communityId, memberId));
    return p ? copy(p) : null;
  }
  async getSeekers(communityId: string, memberIds: readonly string[]) {
    return [...new Set(memberIds)].flatMap((id) => {
      const p = this.t.seekers.get(k(communityId, id));
      return p ? [copy(p)] : [];
    });
  }
  async saveSeeker(p: SeekerProfile) {
    this.t.seekers.set(k(p.communityId, p.memberId), copy(p));
  }
  async listSeekers(communityId: string) {
    return inCommunity(this.t.seekers, communityId)
      .sort((a, b) => a.memberId.localeCompare(b.memberId))
      .map(copy);
  }
  async deleteSeeker(communityId: string, memberId: string) {
    this.t.seekers.delete(k(communityId, memberId));
  }

  async getVolunteer(communityId: string, memberId: string) {
    const p = this.t.volunteers.get(k(communityId, memberId));
    return p ? copy(p) : null;
  }
  async saveVolunteer(p: VolunteerProfile) {
    this.t.volunteers.set(k(p.communityId, p.memberId), copy(p));
  }
  async getVolunteers(communityId: string, memberIds: readonly string[]) {
    return byIds(this.t.volunteers, communityId, memberIds);
  }
  async listVolunteers(communityId: string) {
    return inCommunity(this.t.volunteers, communityId)
      .sort((a, b) => a.memberId.localeCompare(b.memberId))
      .map(copy);
  }
  async listVolunteersWithTags(communityId: string, tags: readonly string[]) {
    const wanted = new Set(tags);
    return (await this.listVolunteers(communityId)).filter((p) => p.active && p.expertise.some((t) => wanted.has(t)));
  }
  async listOfferedTags(communityId: string, exceptMemberId: string) {
    const out = new Set<string>();
    for (const p of inCommunity(this.t.volunteers, communityId)) {
      const m = this.t.members.get(k(communityId, p.memberId));
      if (!p.active || p.memberId === exceptMemberId || !m || m.forgotten || m.status === "opted_out") continue;
      for (const t of p.expertise) out.add(t);
    }
    return [...out].sort();
  }
  async tagCounts(communityId: string, tags?: readonly string[]) {
    return countTags(
      inCommunity(this.t.volunteers, communityId).map((p) => p.expertise),
      inCommunity(this.t.seekers, communityId).map((p) => p.interests),
      inCommunity(this.t.requests, communityId).map((r) => r.tags),
      tags,
    );
  }
  async deleteVolunteer(communityId: string, memberId: string) {
    this.t.volunteers.delete(k(communityId, memberId));
  }

  async getRequest(communityId: string, id: string) {
    const r = this.t.requests.get(k(communityId, id));
    return r ? copy(r) : null;
  }
  async saveRequest(r: ChatRequest) {
    this.t.requests.set(k(r.communityId, r.id), copy(r));
  }
  async getRequests(communityId: string, ids: readonly string[]) {
    return byIds(this.t.requests, communityId, ids);
  }
  async saveRequests(rs: readonly ChatRequest[]) {
    for (const r of rs) await this.saveRequest(r);
  }
  async listRequests(communityId: string, filter: RequestFilter = {}) {
    return inCommunity(this.t.requests, communityId)
      .filter((r) => matchesRequest(r, filter))
      .sort(byTime((r) => r.createdAt))
      .map(copy);
  }

  async getIntro(communityId: string, id: string) {
    const i = this.t.intros.get(k(communityId, id));
    return i ? copy(i) : null;
  }
  async saveIntro(i: Intro) {
    this.t.intros.set(k(i.communityId, i.id), copy(i));
  }
  async saveIntros(is: readonly Intro[]) {
    for (const i of is) await this.saveIntro(i);
  }
  async listIntros(communityId: string, filter: IntroFilter = {}) {
    return inCommunity(this.t.intros, communityId)
      .filter((i) => matchesIntro(i, filter))
      .sort(byTime((i) => i.offeredAt))
      .map(copy);
  }

  async getChat(communityId: string, id: string) {
    const c = this.t.chats.get(k(communityId, id));
    return c ? copy(c) : null;
  }
  async saveChat(c: Chat) {
    this.t.chats.set(k(c.communityId, c.id), copy(c));
  }
  async listChats(communityId: string, filter: ChatFilter = {}) {
    return inCommunity(this.t.chats, communityId)
      .filter((c) => matchesChat(c, filter))
      .sort(byTime((c) => c.createdAt))
      .map(copy);
  }

  async saveFeedback(f: Feedback) {
    for (const [key, old] of this.t.feedback) {
      if (old.communityId === f.communityId && old.chatId === f.chatId && old.fromId === f.fromId) this.t.feedback.delete(key);
    }
    this.t.feedback.set(k(f.communityId, f.id), copy(f));
  }
  async listFeedback(communityId: string, filter: FeedbackFilter = {}) {
    return inCommunity(this.t.feedback, communityId)
      .filter((f) => matchesFeedback(f, filter))
      .sort(byTime((f) => f.createdAt))
      .map(copy);
  }
  async deleteFeedbackFrom(communityId: string, fromId: string) {
    let n = 0;
    for (const [key, f] of this.t.feedback) {
      if (f.communityId === communityId && f.fromId === fromId) {
        this.t.feedback.delete(key);
        n++;
      }
    }
    return n;
  }

  async deleteNudges(communityId: string, ids: readonly string[]) {
    const wanted = new Set(ids);
    let n = 0;
    for (const [key, nu] of this.t.nudges) {
      if (nu.communityId !== communityId || !wanted.has(nu.id)) continue;
      this.t.nudges.delete(key);
      n++;
    }
    return n;
  }
  async deleteMember(communityId: string, id: string) {
    this.t.members.delete(k(communityId, id));
  }

  async getPlatformRef(communityId: string, kind: PlatformRefKind, key: string) {
    return this.t.platformRefs.get(k(communityId, k(kind, key))) ?? null;
  }
  async claimPlatformRef(communityId: string, kind: PlatformRefKind, key: string, value: string) {
    const id = k(communityId, k(kind, key));
    const held = this.t.platformRefs.get(id);
    if (held !== undefined) return held;
    this.t.platformRefs.set(id, value);
    return value;
  }
  async dropPlatformRef(communityId: string, kind: PlatformRefKind, key: string, value: string) {
    const id = k(communityId, k(kind, key));
    if (this.t.platformRefs.get(id) === value) this.t.platformRefs.delete(id);
  }
  async keepNotice(n: KeptNotice) {
    const id = k(n.communityId, k(n.memberId, n.key));
    if (this.t.keptNotices.has(id)) return false;
    this.t.keptNotices.set(id, copy(n));
    return true;
  }
  async takeKeptNotices(communityId: string, memberId: string, limit: number) {
    const mine = [...this.t.keptNotices.entries()]
      .filter(([, n]) => n.communityId === communityId && n.memberId === memberId)
      .sort(([, a], [, b]) => a.createdAt.getTime() - b.createdAt.getTime() || a.key.localeCompare(b.key))
      .slice(0, Math.max(0, limit));
    for (const [id] of mine) this.t.keptNotices.delete(id);
    return mine.map(([, n]) => copy(n));
  }
  async markInboxApplied(id: string, run: string, at: Date) {
    const e = this.t.inbox.get(id);
    if (!e) return false;
    if (e.status === "applied" && e.appliedBy === run) return true;
    if (e.status !== "pending") return false;
    this.t.inbox.set(id, { ...e, status: "applied", appliedBy: run, appliedAt: at });
    return true;
  }

  async getInstallation(id: string) {
    const i = this.t.installations.get(id);
    return i ? copy(i) : null;
  }
  async saveInstallation(i: Installation) {
    this.t.installations.set(i.id, copy(i));
  }
  async deleteInstallation(id: string) {
    return this.t.installations.delete(id);
  }
  async listInstallations() {
    return [...this.t.installations.values()].sort(byTime((i) => i.installedAt)).map(copy);
  }

  async saveDashboardGrant(g: DashboardGrant) {
    new MemoryGrants(this.t.dashboardGrants).save(g);
  }
  async getDashboardGrant(hash: string) {
    return new MemoryGrants(this.t.dashboardGrants).get(hash);
  }
  async useDashboardLink(hash: string, at: Date) {
    return new MemoryGrants(this.t.dashboardGrants).useLink(hash, at);
  }
  async deleteDashboardGrant(hash: string) {
    return new MemoryGrants(this.t.dashboardGrants).delete(hash);
  }
  async pruneDashboardGrants(before: Date) {
    return new MemoryGrants(this.t.dashboardGrants).prune(before);
  }

  private get peers(): MemoryPeers {
    return new MemoryPeers(this.t, (id) => this.t.communities.get(id)?.inactiveSince === undefined);
  }
  async getPeerProfile(communityId: string, memberId: string) {
    return this.peers.getProfile(communityId, memberId);
  }
  async savePeerProfile(p: PeerProfile) {
    this.peers.saveProfile(p);
  }
  async listPeerProfiles(communityId: string) {
    return this.peers.listProfiles(communityId);
  }
  async deletePeerProfile(communityId: string, memberId: string) {
    this.peers.deleteProfile(communityId, memberId);
  }
  async communitiesWithPeers() {
    return this.peers.communities();
  }
  async savePeerRound(r: PeerRound) {
    this.peers.saveRound(r);
  }
  async listPeerRounds(communityId: string, limit: number) {
    return this.peers.listRounds(communityId, limit);
  }
  async getPeerGroup(communityId: string, id: string) {
    return this.peers.getGroup(communityId, id);
  }
  async savePeerGroups(gs: readonly PeerGroup[]) {
    this.peers.saveGroups(gs);
  }
  async listPeerGroups(communityId: string, filter?: PeerGroupFilter) {
    return this.peers.listGroups(communityId, filter);
  }

  async addNudges(nudges: readonly Nudge[]) {
    let n = 0;
    for (const nu of nudges) {
      const key = k(nu.communityId, nu.key);
      if (this.t.nudges.has(key)) continue;
      this.t.nudges.set(key, copy(nu));
      n++;
    }
    return n;
  }
  async listNudges(communityId: string, filter: NudgeFilter = {}) {
    return inCommunity(this.t.nudges, communityId)
      .filter((n) => matchesNudge(n, filter))
      .sort(byTime((n) => n.dueAt))
      .map(copy);
  }
  async cancelNudges(communityId: string, filter: NudgeFilter) {
    let n = 0;
    for (const [key, nu] of this.t.nudges) {
      if (nu.communityId !== communityId || nu.status !== "pending" || !matchesNudge(nu, filter)) continue;
      this.t.nudges.set(key, { ...nu, status: "cancelled", leaseOwner: null, leaseUntil: null });
      n++;
    }
    return n;
  }
}
