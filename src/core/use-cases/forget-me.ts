import type { Member, Nudge } from "../domain/index.js";
import { ok, type Result } from "../result.js";
import type { StoreTx } from "../ports/index.js";
import { type Actor, type Deps, loadCommunity } from "./shared/context.js";
import { optOut } from "./shared/opt-out.js";
import { deepScrub, FORMER_MEMBER, sameRecord, stringScrubber } from "./shared/scrub.js";

/** What forget-me removed, so the member can be told exactly. */
export interface ForgetValue {
  /** False when there was nothing stored about the member (or they were forgotten already). */
  found: boolean;
  seekerProfile: boolean;
  volunteerProfile: boolean;
  availabilityWindows: number;
  feedbackWritten: number;
  /** Messages to them (pending or sent) and delivered messages about them, erased from the outbox. */
  messagesDeleted: number;
  cancelledRequests: number;
  cancelledChats: number;
  passedIntros: number;
  /** Past chats, requests and intros now showing "a former member" instead of them. */
  anonymizedRecords: number;
}

const EMPTY: ForgetValue = {
  found: false,
  seekerProfile: false,
  volunteerProfile: false,
  availabilityWindows: 0,
  feedbackWritten: 0,
  messagesDeleted: 0,
  cancelledRequests: 0,
  cancelledChats: 0,
  passedIntros: 0,
  anonymizedRecords: 0,
};

/**
 * Forget me: in one transaction the member steps out of everything in flight (as `leave`),
 * then their profiles, availability, the feedback they wrote and every message to them are
 * deleted, and everything else that named them is rewritten to a placeholder member —
 * a fresh random id (`<community>:forgotten:<id>`), named "a former member", `forgotten`,
 * with no profile, blocks or availability — so the other person's history (chats, intros,
 * requests, feedback they wrote) stays whole and readable. No row keeps the member's id,
 * platform user id or name; their own free text (request goals, decline reasons) is blanked.
 * If the person writes again later they start as a new member. Running it twice finds nothing.
 */
export async function forgetMe(deps: Deps, cmd: { actor: Actor }): Promise<Result<ForgetValue, never>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const member = await tx.getMember(cmd.actor.communityId, cmd.actor.memberId);
    if (!member || member.forgotten) return ok(EMPTY);
    const community = await loadCommunity(tx, member.communityId, now);
    const gone: Member = { ...member, status: "opted_out", pausedUntil: null };
    await tx.saveMember(gone);
    const counts = await optOut(tx, deps, community, gone);

    const seekerProfile = (await tx.getSeeker(community.id, member.id)) !== null;
    const volunteerProfile = (await tx.getVolunteer(community.id, member.id)) !== null;
    await tx.deleteSeeker(community.id, member.id);
    await tx.deletePeerProfile(community.id, member.id);
    await tx.deleteVolunteer(community.id, member.id);
    const feedbackWritten = await tx.deleteFeedbackFrom(community.id, member.id);
    // Notices kept for them (closed DMs) and their DM channel go too.
    await tx.takeKeptNotices(community.id, member.id, Number.MAX_SAFE_INTEGER);
    const dm = await tx.getPlatformRef(community.id, "dm_channel", member.id);
    if (dm !== null) await tx.dropPlatformRef(community.id, "dm_channel", member.id, dm);

    const placeholder: Member = {
      id: `${community.id}:forgotten:${deps.ids.next("fgt")}`,
      communityId: community.id,
      displayName: FORMER_MEMBER,
      timeZone: "UTC",
      timeZoneConfirmed: false,
      status: "opted_out",
      pausedUntil: null,
      blocked: [],
      availability: { windows: [], datesOff: [] },
      forgotten: true,
      celebrate: false,
      createdAt: member.createdAt,
    };
    await tx.saveMember(placeholder);
    await tx.deleteMember(community.id, member.id);
    const fix = stringScrubber({ oldId: member.id, newId: placeholder.id, name: member.displayName, placeholderName: FORMER_MEMBER });
    const { anonymized, messagesDeleted } = await rewriteHistory(tx, community.id, member.id, placeholder.id, fix);
    if (community.settings.admins.includes(member.id)) {
      await tx.saveCommunity({
        ...community,
        settings: { ...community.settings, admins: community.settings.admins.filter((a) => a !== member.id) },
      });
    }
    deps.log.info({ communityId: community.id, placeholderId: placeholder.id }, "member forgotten");
    return ok({
      found: true,
      seekerProfile,
      volunteerProfile,
      availabilityWindows: member.availability.windows.length,
      feedbackWritten,
      messagesDeleted,
      cancelledRequests: counts.cancelledRequests,
      cancelledChats: counts.cancelledChats,
      passedIntros: counts.passedIntros,
      anonymizedRecords: anonymized,
    });
  });
}

/** Rewrites every record of the community that names the member; deletes messages addressed to them. */
async function rewriteHistory(tx: StoreTx, communityId: string, oldId: string, newId: string, fix: (t: string) => string) {
  let anonymized = 0;
  const save = async <T>(before: T, after: T, write: (x: T) => Promise<void>) => {
    if (sameRecord(before, after)) return;
    await write(after);
    anonymized++;
  };
  const ids = { oldId, newId };
  // Other members keep their own names (a "Sam Lee" is not "Sam"): only ids are rewritten there (block lists).
  const keep = (t: string): string => t;
  for (const m of await tx.listMembers(communityId)) if (m.id !== newId) await save(m, deepScrub(m, keep, ids), (x) => tx.saveMember(x));
  for (const r of await tx.listRequests(communityId)) {
    const own = r.seekerId === oldId ? { ...r, goals: "" } : r;
    await save(r, deepScrub(own, fix, ids), (x) => tx.saveRequest(x));
  }
  for (const i of await tx.listIntros(communityId)) {
    const own = i.volunteerId === oldId ? { ...i, declineReason: null } : i;
    await save(i, deepScrub(own, fix, ids), (x) => tx.saveIntro(x));
  }
  for (const c of await tx.listChats(communityId)) await save(c, deepScrub(c, fix, ids), (x) => tx.saveChat(x));
  for (const f of await tx.listFeedback(communityId)) await save(f, deepScrub(f, fix, ids), (x) => tx.saveFeedback(x));
  // The outbox is delivery, not history: messages to them go, and so do delivered or cancelled
  // ones about them (they may quote their words). Pending ones to others about them (e.g. "the
  // chat was cancelled") still go out, rewritten. Rows are insert-only by key, so a rewritten
  // one is deleted and inserted again.
  const nudges = await tx.listNudges(communityId);
  const toThem = nudges.filter((n) => n.to.includes(oldId));
  const aboutThem: Nudge[] = [];
  const rewritten: Nudge[] = [];
  for (const n of nudges) {
    if (n.to.includes(oldId)) continue;
    const after = deepScrub(n, fix, ids);
    if (sameRecord(n, after)) continue;
    if (n.status === "pending") rewritten.push(after);
    else aboutThem.push(n);
  }
  await tx.deleteNudges(
    communityId,
    [...toThem, ...aboutThem, ...rewritten].map((n) => n.id),
  );
  if (rewritten.length > 0) await tx.addNudges(rewritten);
  return { anonymized: anonymized + rewritten.length, messagesDeleted: toThem.length + aboutThem.length };
}
