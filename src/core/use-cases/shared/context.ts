import { type Community, type Member, CommunitySettingsSchema, newMember } from "../../domain/index.js";
import type { Clock, DashboardLinks, Ids, Logger, Metrics, ProgramChannel, Store, StoreTx } from "../../ports/index.js";
import { isValidZone } from "../../time/index.js";

/** What every use case runs with: the ports, nothing platform-specific. */
export interface Deps {
  store: Store;
  clock: Clock;
  ids: Ids;
  log: Logger;
  /**
   * Called after a person's command ran (it may have put messages in the outbox), so a runner
   * can deliver them now rather than on its next tick. Optional: the scheduler picks them up
   * either way.
   */
  afterCommand?: () => void;
  /** Where the runner counts commands, acknowledgements, deliveries and matching; nothing is counted without it. */
  metrics?: Metrics;
  /** The admin dashboard's links, when a web server serves it; `admin dashboard` explains how to turn it on otherwise. */
  dashboard?: DashboardLinks;
  /** The platform's program channel, where the front door is posted; absent (the scheduler, a bare test) posts nothing. */
  programChannel?: ProgramChannel;
}

/**
 * Who is acting, as the adapter knows them. The member is created on first contact;
 * `displayName` and `timeZone` refresh what we know (Slack gives a zone; Discord does not).
 */
export interface Actor {
  communityId: string;
  memberId: string;
  displayName?: string;
  timeZone?: string;
  /** The platform says this person administers the community (Slack admin, Discord Manage Server). */
  platformAdmin?: boolean;
  /** Discord: the role ids the member holds, matched against `adminRoleIds` in the settings. */
  roles?: readonly string[];
  /**
   * The platform says this person belongs to another workspace (a Slack Connect channel, or a
   * Grid workspace they are not in): they act as a guest here, never as an admin.
   */
  guest?: boolean;
}

/** The community, created with default settings on first use. */
export async function loadCommunity(tx: StoreTx, communityId: string, now: Date, defaultZone = "UTC"): Promise<Community> {
  const found = await tx.getCommunity(communityId);
  if (found) return found;
  const c: Community = {
    id: communityId,
    name: communityId,
    settings: CommunitySettingsSchema.parse({ defaultTimeZone: defaultZone }),
    createdAt: now,
  };
  await tx.saveCommunity(c);
  return c;
}

/** The acting member and their community, creating or refreshing the member as needed. */
export async function loadActor(tx: StoreTx, actor: Actor, now: Date): Promise<{ community: Community; member: Member }> {
  const community = await loadCommunity(tx, actor.communityId, now);
  const found = await tx.getMember(actor.communityId, actor.memberId);
  const zone = actor.timeZone !== undefined && isValidZone(actor.timeZone) ? actor.timeZone : undefined;
  if (!found) {
    const member: Member = newMember({
      id: actor.memberId,
      communityId: actor.communityId,
      displayName: actor.displayName ?? actor.memberId,
      timeZone: zone ?? community.settings.defaultTimeZone,
      timeZoneConfirmed: zone !== undefined,
      createdAt: now,
    });
    await tx.saveMember(member);
    return { community, member };
  }
  const renamed = actor.displayName !== undefined && actor.displayName !== found.displayName && !found.forgotten;
  const rezoned = zone !== undefined && !found.timeZoneConfirmed && zone !== found.timeZone;
  if (renamed || rezoned) {
    const member = {
      ...found,
      displayName: renamed && actor.displayName !== undefined ? actor.displayName : found.displayName,
      timeZone: rezoned && zone !== undefined ? zone : found.timeZone,
      timeZoneConfirmed: found.timeZoneConfirmed || rezoned,
    };
    await tx.saveMember(member);
    return { community, member };
  }
  return { community, member: found };
}

/** A member who must exist (the other side of an intro or chat); a missing one is a broken invariant. */
export async function mustMember(tx: StoreTx, communityId: string, id: string): Promise<Member> {
  const m = await tx.getMember(communityId, id);
  if (!m) throw new Error(`member ${id} is referenced but missing in ${communityId}`);
  return m;
}
