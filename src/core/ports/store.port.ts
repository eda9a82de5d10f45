import type {
  Chat,
  ChatRequest,
  ChatStatus,
  Community,
  DashboardGrant,
  Feedback,
  Intro,
  IntroStatus,
  Member,
  Notice,
  Nudge,
  PeerGroup,
  PeerProfile,
  PeerRound,
  RequestStatus,
  SeekerProfile,
  VolunteerProfile,
} from "../domain/index.js";
import type { Inbox } from "./inbox.port.js";

export interface RequestFilter {
  seekerId?: string;
  status?: readonly RequestStatus[];
}
export interface IntroFilter {
  requestId?: string;
  volunteerId?: string;
  /** Intros offered to any of these volunteers (an empty list matches nothing). */
  volunteerIds?: readonly string[];
  seekerId?: string;
  status?: readonly IntroStatus[];
  /** Only intros whose deadline is at or before this instant. */
  deadlineBefore?: Date;
}
export interface ChatFilter {
  /** Chats where this member is the seeker or the volunteer. */
  memberId?: string;
  /** Chats where any of these members is the seeker or the volunteer (an empty list matches nothing). */
  memberIds?: readonly string[];
  requestId?: string;
  status?: readonly ChatStatus[];
  /** Only chats created at or after this instant. */
  createdSince?: Date;
}
export interface NudgeFilter {
  refId?: string;
  /** Nudges addressed to this member (alone or in a pair). */
  to?: string;
  kinds?: readonly string[];
  status?: readonly Nudge["status"][];
}

/** Peer groups filter: each field narrows. */
export interface PeerGroupFilter {
  /** Groups of this round. */
  roundId?: string;
  /** Groups holding this member. */
  memberId?: string;
  /** Only groups created at or after this instant. */
  createdSince?: Date;
}

/** A notice that could not reach a member (their DMs are closed), kept until it is shown to them. */
export interface KeptNotice {
  communityId: string;
  memberId: string;
  /** The delivery's key: keeping the same key twice keeps one copy. */
  key: string;
  notice: Notice;
  createdAt: Date;
}

/** Feedback filter: each field narrows; a list field matches any of its ids (an empty list matches nothing). */
export interface FeedbackFilter {
  aboutId?: string;
  /** Feedback about any of these members. */
  aboutIds?: readonly string[];
  chatId?: string;
  fromId?: string;
}

/** How often one tag is carried in a community. */
export interface TagUse {
  /** Volunteer profiles (active or not) listing it as expertise. */
  volunteers: number;
  /** Seeker profiles listing it as an interest. */
  seekers: number;
  /** Chat requests (any status) asking about it. */
  requests: number;
}

/** Tag use in a community, kept by the store as profiles and requests are saved and deleted. */
export interface TagCounts {
  /** Volunteer and seeker profiles that carry at least one tag: the population rarity is measured in. */
  profiles: number;
  /** Use per tag, exactly as stored (not canonicalized); tags nobody carries are absent. */
  tags: Map<string, TagUse>;
}

/**
 * What a platform ref names: a member's DM channel, a chat's pair thread, or (Slack Enterprise
 * Grid) the org whose org-wide installation serves a workspace (key "org", value the enterprise id);
 * the front door posted in a program channel (key the channel id, value the message id); a member
 * paused because they left the program channel (key the member id, value "paused"), so rejoining
 * resumes them and nobody who paused on purpose.
 */
export type PlatformRefKind =
  | "dm_channel"
  | "pair_thread"
  | "workspace_org"
  | "front_door"
  | "program_left"
  | "program_post"
  | "program_post_failed";

/**
 * Percolate installed on a platform that installs per workspace (Slack "Add to Slack"): who
 * installed it, when, with which scopes, and its credentials sealed. One per workspace, or one
 * per Enterprise Grid org for an org-wide install.
 */
export interface Installation {
  /** `slack:T…` for a workspace install (the community's id), `slack-org:E…` for an org-wide install. */
  id: string;
  platform: "slack";
  /** The workspace (team) id; null for an org-wide install. */
  teamId: string | null;
  /** The Enterprise Grid org id, when the workspace belongs to one. */
  enterpriseId: string | null;
  /** The platform's id of the person who installed it, when known. */
  installerId: string | null;
  /** The bot's own user id in that workspace (how it recognises mentions of itself). */
  botUserId: string;
  /** The bot scopes granted. */
  scopes: string[];
  /** When the bot token expires (token rotation turned on), else null. */
  tokenExpiresAt: Date | null;
  /**
   * The credentials exactly as the platform gave them (tokens, refresh token), sealed with
   * SECRETS_KEY by the caller: the store never holds a token in plain text.
   */
  sealed: string;
  installedAt: Date;
  updatedAt: Date;
}

/**
 * Everything a use case reads or writes inside one transaction. Every method is scoped
 * by community: nothing crosses between communities (DESIGN.md §2).
 * `save*` methods insert or replace the whole record by its key.
 */
export interface StoreTx {
  /** The community, or null if it was never set up. */
  getCommunity(id: string): Promise<Community | null>;
  /** Insert or replace a community with its settings. */
  saveCommunity(c: Community): Promise<void>;
  /** Every community this deployment serves (for scheduler jobs that sweep them all). */
  listCommunities(): Promise<Community[]>;
  /**
   * The ids of the communities holding at least one request in one of these statuses, each once:
   * one query, so a scheduler sweep visits only the communities that have work (the batch round,
   * the waitlist) instead of asking each community in turn. Communities the platform cannot
   * reach (inactive) are left out.
   */
  communitiesWithRequests(statuses: readonly RequestStatus[]): Promise<string[]>;
  /**
   * Pending intros whose deadline is at or before `at`, in every community, oldest offer first:
   * one query for the expiry sweep instead of one per community. Communities the platform
   * cannot reach (inactive) are left out: their intros wait for them.
   */
  listIntrosPastDeadline(at: Date): Promise<Intro[]>;

  /** A member of the community, or null. */
  getMember(communityId: string, id: string): Promise<Member | null>;
  /**
   * The members of the community among `ids` that exist, each once, in the order of `ids`.
   * Any number of ids: the store splits the lookup as its database needs.
   */
  getMembers(communityId: string, ids: readonly string[]): Promise<Member[]>;
  /** Insert or replace a member. */
  saveMember(m: Member): Promise<void>;
  /** All members of a community, in creation order. */
  listMembers(communityId: string): Promise<Member[]>;

  /** A seeker profile, or null. */
  getSeeker(communityId: string, memberId: string): Promise<SeekerProfile | null>;
  /** The seeker profiles among `memberIds` that exist, each once, in the order of `memberIds` (any number of ids). */
  getSeekers(communityId: string, memberIds: readonly string[]): Promise<SeekerProfile[]>;
  /** Insert or replace a seeker profile. */
  saveSeeker(p: SeekerProfile): Promise<void>;
  /** Every seeker profile in the community, by member id. */
  listSeekers(communityId: string): Promise<SeekerProfile[]>;
  /** Remove a seeker profile if present. */
  deleteSeeker(communityId: string, memberId: string): Promise<void>;

  /** A volunteer profile, or null. */
  getVolunteer(communityId: string, memberId: string): Promise<VolunteerProfile | null>;
  /** Insert or replace a volunteer profile. */
  saveVolunteer(p: VolunteerProfile): Promise<void>;
  /** Every volunteer profile in the community. */
  listVolunteers(communityId: string): Promise<VolunteerProfile[]>;
  /** The volunteer profiles of these members that exist, each once, in the order of `memberIds`. */
  getVolunteers(communityId: string, memberIds: readonly string[]): Promise<VolunteerProfile[]>;
  /**
   * The active volunteer profiles listing at least one of `tags` (compared as stored), by
   * member id: the candidates for a request, found through an index rather than a scan.
   */
  listVolunteersWithTags(communityId: string, tags: readonly string[]): Promise<VolunteerProfile[]>;
  /**
   * The tags of active volunteer profiles whose member is neither opted out nor forgotten,
   * leaving out `exceptMemberId`'s own, sorted: what a community offers to talk about.
   */
  listOfferedTags(communityId: string, exceptMemberId: string): Promise<string[]>;
  /**
   * How many volunteer profiles, seeker profiles and requests carry each tag, kept as they are
   * saved and deleted. With `tags`, only those tags are reported (the population always is).
   */
  tagCounts(communityId: string, tags?: readonly string[]): Promise<TagCounts>;
  /** Remove a volunteer profile if present. */
  deleteVolunteer(communityId: string, memberId: string): Promise<void>;

  /** A chat request, or null. */
  getRequest(communityId: string, id: string): Promise<ChatRequest | null>;
  /** Insert or replace a chat request. */
  saveRequest(r: ChatRequest): Promise<void>;
  /**
   * Insert or replace many requests, each as saveRequest would (the last of two with one key
   * wins), in a few statements however many there are: a batch's writes, not one per row.
   */
  saveRequests(rs: readonly ChatRequest[]): Promise<void>;
  /** Requests matching the filter, oldest first. */
  listRequests(communityId: string, filter?: RequestFilter): Promise<ChatRequest[]>;
  /** The requests with these ids that exist, each once, in the order of `ids`. */
  getRequests(communityId: string, ids: readonly string[]): Promise<ChatRequest[]>;

  /** An intro, or null. */
  getIntro(communityId: string, id: string): Promise<Intro | null>;
  /** Insert or replace an intro. */
  saveIntro(i: Intro): Promise<void>;
  /** Insert or replace many intros, each as saveIntro would (the last of two with one key wins), in a few statements. */
  saveIntros(is: readonly Intro[]): Promise<void>;
  /** Intros matching the filter, oldest offer first. */
  listIntros(communityId: string, filter?: IntroFilter): Promise<Intro[]>;

  /** A chat, or null. */
  getChat(communityId: string, id: string): Promise<Chat | null>;
  /** Insert or replace a chat. */
  saveChat(c: Chat): Promise<void>;
  /** Chats matching the filter, oldest first. */
  listChats(communityId: string, filter?: ChatFilter): Promise<Chat[]>;

  /** Insert or replace feedback (one per author and chat). */
  saveFeedback(f: Feedback): Promise<void>;
  /** Feedback in the community matching the filter, oldest first. */
  listFeedback(communityId: string, filter?: FeedbackFilter): Promise<Feedback[]>;
  /** Delete feedback written by a member; returns how many rows went. */
  deleteFeedbackFrom(communityId: string, fromId: string): Promise<number>;

  /** Insert nudges whose key is new in their community; existing keys are left as they are. Returns how many were inserted. */
  addNudges(nudges: readonly Nudge[]): Promise<number>;
  /** Nudges matching the filter, earliest due first. */
  listNudges(communityId: string, filter?: NudgeFilter): Promise<Nudge[]>;
  /** Mark pending nudges matching the filter cancelled; returns how many changed. */
  cancelNudges(communityId: string, filter: NudgeFilter): Promise<number>;
  /** Delete nudges of the community by id, whatever their status (forget-me erases them); returns how many went. */
  deleteNudges(communityId: string, ids: readonly string[]): Promise<number>;
  /** Delete a member row if present (forget-me, after its history moved to a placeholder). */
  deleteMember(communityId: string, id: string): Promise<void>;

  /** The platform object remembered for `key` (a member's DM channel id, a chat's thread id), or null. */
  getPlatformRef(communityId: string, kind: PlatformRefKind, key: string): Promise<string | null>;
  /**
   * Remembers `value` for `key` unless a value is already remembered, and returns the value
   * that holds: the earlier one if another process got there first, else `value`.
   */
  claimPlatformRef(communityId: string, kind: PlatformRefKind, key: string, value: string, at: Date): Promise<string>;
  /** Forgets the platform object for `key` (it was deleted on the platform), if `value` is still the one remembered. */
  dropPlatformRef(communityId: string, kind: PlatformRefKind, key: string, value: string): Promise<void>;
  /** Keeps a notice for a member who could not be sent it; false when that key was already kept. */
  keepNotice(n: KeptNotice): Promise<boolean>;
  /** Removes and returns up to `limit` of the member's kept notices, oldest first. */
  takeKeptNotices(communityId: string, memberId: string, limit: number): Promise<KeptNotice[]>;
  /**
   * Marks inbox entry `id` applied by `run`, with this transaction's writes: true when it was
   * pending (now applied by `run`) or `run` applied it already; false when another run applied
   * it, it was answered, or it does not exist. A caller that gets false rolls back, so an
   * entry's effect lands once however many times it is run.
   */
  markInboxApplied(id: string, run: string, at: Date): Promise<boolean>;

  /** An installation by id (`slack:T…` or `slack-org:E…`), or null. Installations span no community data: they only say how to reach one. */
  getInstallation(id: string): Promise<Installation | null>;
  /** Insert or replace an installation by id (a reinstall or a token refresh replaces it). */
  saveInstallation(i: Installation): Promise<void>;
  /** Delete an installation; true when there was one. */
  deleteInstallation(id: string): Promise<boolean>;
  /** Every installation, oldest first (re-sealing under a new key, operations). */
  listInstallations(): Promise<Installation[]>;

  /** Stores a new dashboard grant (a sign-in link or a session); hashes are unique. */
  saveDashboardGrant(g: DashboardGrant): Promise<void>;
  /** A grant by the hash of its secret, expired or not, or null. */
  getDashboardGrant(hash: string): Promise<DashboardGrant | null>;
  /**
   * Marks link `hash` used at `at` if it is still unused: true for the one caller that wins,
   * false when it was used already (or is not a link), so a link signs in once however many
   * browsers race for it.
   */
  useDashboardLink(hash: string, at: Date): Promise<boolean>;
  /** Deletes a grant (signing out); true when there was one. */
  deleteDashboardGrant(hash: string): Promise<boolean>;
  /** Deletes every grant that expired before `before` (housekeeping); how many went. */
  pruneDashboardGrants(before: Date): Promise<number>;

  /** A member's peer-round profile, or null. */
  getPeerProfile(communityId: string, memberId: string): Promise<PeerProfile | null>;
  /** Insert or replace a peer-round profile. */
  savePeerProfile(p: PeerProfile): Promise<void>;
  /** Every peer-round profile of the community (active or not), oldest first. */
  listPeerProfiles(communityId: string): Promise<PeerProfile[]>;
  /** Remove a member's peer-round profile if present (forget-me). */
  deletePeerProfile(communityId: string, memberId: string): Promise<void>;
  /**
   * The ids of the communities holding at least one active peer profile, each once: one query,
   * so the scheduler's round sweep visits only communities that use rounds. Communities the
   * platform cannot reach (inactive) are left out.
   */
  communitiesWithPeers(): Promise<string[]>;
  /** Insert or replace a round by id. */
  savePeerRound(r: PeerRound): Promise<void>;
  /** The community's latest rounds, newest first, at most `limit`. */
  listPeerRounds(communityId: string, limit: number): Promise<PeerRound[]>;
  /** A peer group, or null. */
  getPeerGroup(communityId: string, id: string): Promise<PeerGroup | null>;
  /** Insert or replace many peer groups by id, in a few statements. */
  savePeerGroups(gs: readonly PeerGroup[]): Promise<void>;
  /** Peer groups matching the filter, oldest first (ties by id). */
  listPeerGroups(communityId: string, filter?: PeerGroupFilter): Promise<PeerGroup[]>;
}

/** A claimed batch of due nudges, leased to one runner until `leaseUntil`. */
export interface NudgeOutbox {
  /**
   * Atomically lease up to `limit` pending nudges due at or before `now` whose lease is
   * absent or expired, to `owner` until `leaseUntil`. Two runners never get the same nudge
   * while a lease holds. Taking over an expired lease counts one attempt: the runner that held
   * it died mid-send, so the message may or may not have gone out. Nudges of a community
   * with `inactiveSince` set are never claimed: they stay pending and untouched (lease, due
   * time and attempts as they were) and are claimed again once that mark is removed.
   */
  claimDue(now: Date, limit: number, owner: string, leaseUntil: Date): Promise<Nudge[]>;
  /** Mark a leased nudge sent, if `owner` still holds it. Returns false if the lease was lost. */
  markSent(id: string, owner: string, at: Date): Promise<boolean>;
  /** Record a failed attempt: back to pending with a new due time, or `failed` when `final`. */
  markAttempt(id: string, owner: string, error: string, retryAt: Date | null): Promise<boolean>;
  /** Put a leased nudge back, due at `until`, without counting an attempt (the platform asked us to slow down). */
  postpone(id: string, owner: string, until: Date): Promise<boolean>;
  /** Mark a leased nudge cancelled (its recipient left): it will never be sent. */
  markCancelled(id: string, owner: string, reason: string): Promise<boolean>;
  /** Release leases held by `owner` without counting an attempt (graceful shutdown). */
  release(owner: string): Promise<number>;
  /** How the outbox stands, for monitoring: one cheap indexed query, no lock taken. */
  stats(): Promise<OutboxStats>;
}

/** The outbox at a glance (all communities). */
export interface OutboxStats {
  /** Nudges waiting to be sent, due or not. */
  pending: number;
  /** Nudges given up on. */
  failed: number;
  /** The earliest due time among pending nudges, or null when none is pending. */
  oldestDueAt: Date | null;
}

/** The persistence port. Use cases run their reads and writes inside `tx`. */
export interface Store {
  /**
   * Runs `fn` in one transaction: all of its writes land, or none do. The function may be
   * retried by the store on a serialization conflict, so it must not have side effects
   * outside the transaction.
   */
  tx<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** The outbox of due nudges, shared by all communities. */
  readonly outbox: NudgeOutbox;
  /** Platform requests kept before their acknowledgement, shared by all communities. */
  readonly inbox: Inbox;
  /** Release connections. */
  close(): Promise<void>;
}
