import type { ChatRequest, Community, Intro, MatchBlocker, MatchReasons, Member, SeekerProfile } from "../../domain/index.js";
import { blockerFor } from "./blocker.js";
import type { StoreTx } from "../../ports/index.js";
import { rankCandidates } from "../../matching/score.js";
import type { Deps } from "./context.js";
import { enqueue, type NudgeSpec } from "./notify.js";
import { askerFor, loadPool, type Pool } from "./pool.js";
import { card, ref } from "./people.js";
import { introNudges } from "../../nudges/schedule.js";
import { shownReasons } from "./referral.js";

const HOUR = 3600_000;

/** Who an offer names besides the volunteer, read once by the caller (a batch reads them for all its offers). */
export interface OfferPeople {
  seeker: Member | null;
  profile: SeekerProfile | null;
  /** The member who referred the seeker, when the request is a referral. */
  referrer: Member | null;
}

/** An offer as values: the pending intro, the request marked offered, and the notices to queue. */
export interface Offer {
  intro: Intro;
  request: ChatRequest;
  notices: NudgeSpec[];
}

/**
 * Builds the offer of `request` to one volunteer without touching the store: a pending intro
 * with a deadline, the request marked offered, the intro DM and its reminders. `reasons` are
 * the ones to show (see shownReasons).
 */
export function buildOffer(
  deps: Pick<Deps, "clock" | "ids">,
  community: Community,
  request: ChatRequest,
  volunteer: Member,
  reasons: MatchReasons,
  people: OfferPeople,
): Offer {
  const now = deps.clock.now();
  const s = community.settings;
  const intro: Intro = {
    id: deps.ids.next("intro"),
    communityId: community.id,
    requestId: request.id,
    seekerId: request.seekerId,
    volunteerId: volunteer.id,
    status: "pending",
    reasons,
    offeredAt: now,
    deadline: new Date(now.getTime() + s.responseWindowHours * HOUR),
    respondedAt: null,
    declineReason: null,
  };
  const offered: ChatRequest = {
    ...request,
    status: "offered",
    tried: [...request.tried, volunteer.id],
    waitlistedAt: null,
    updatedAt: now,
  };
  const { seeker, profile, referrer } = people;
  const seekerCard = seeker
    ? { ...card(seeker, null), tags: profile?.interests ?? request.tags, bio: profile?.intro ?? "" }
    : { id: request.seekerId, name: "a member", timeZone: "UTC", tags: request.tags, bio: "" };
  const notices: NudgeSpec[] = [
    {
      to: [volunteer.id],
      refId: intro.id,
      dueAt: now,
      notice: {
        kind: "intro_offered",
        introId: intro.id,
        seeker: seekerCard,
        goals: request.goals,
        learn: profile?.learn ?? "",
        reasons: intro.reasons,
        minutes: s.chatMinutes,
        deadline: intro.deadline,
        referredBy: referrer?.displayName ?? null,
      },
    },
    ...introNudges(intro, s).map((n) => ({
      to: [volunteer.id],
      refId: intro.id,
      dueAt: n.dueAt,
      notice: { kind: "intro_reminder" as const, introId: intro.id, seeker: seeker ? ref(seeker) : seekerCard, deadline: intro.deadline },
    })),
  ];
  return { intro, request: offered, notices };
}

/**
 * Offers `request` to one volunteer: a pending intro with a deadline, the intro DM and the
 * reminder in the outbox, the request marked offered. The caller has checked eligibility.
 */
export async function offerIntro(
  tx: StoreTx,
  deps: Deps,
  community: Community,
  request: ChatRequest,
  volunteer: Member,
  reasons: MatchReasons,
): Promise<Intro> {
  // What the two really share: a referral's borrowed topics are not an interest in common.
  const shown = await shownReasons(tx, request, reasons);
  const people = {
    seeker: await tx.getMember(community.id, request.seekerId),
    profile: await tx.getSeeker(community.id, request.seekerId),
    referrer: request.referredBy ? await tx.getMember(community.id, request.referredBy) : null,
  };
  const offer = buildOffer(deps, community, request, volunteer, shown, people);
  await tx.saveIntro(offer.intro);
  await tx.saveRequest(offer.request);
  await enqueue(tx, deps, community.id, offer.notices);
  return offer.intro;
}

/** Volunteers this seeker already has a pending intro with (on any request). */
export async function pendingWith(tx: StoreTx, communityId: string, seekerId: string): Promise<Set<string>> {
  const intros = await tx.listIntros(communityId, { seekerId, status: ["pending"] });
  return new Set(intros.map((i) => i.volunteerId));
}

export type NextOutcome =
  | { offered: Intro; volunteer: Member }
  /** `blocker`: why nobody fits now (absent when the try limit, not the pool, stopped it). */
  | { offered: null; waitlisted: true; blocker?: MatchBlocker };

/**
 * After a decline, expiry or cancellation: offer the request to the best volunteer not yet
 * tried, or waitlist it when the community's try limit is reached or nobody fits now.
 */
export async function offerNext(tx: StoreTx, deps: Deps, community: Community, request: ChatRequest, pool?: Pool): Promise<NextOutcome> {
  const now = deps.clock.now();
  const waitlist = async (blocker?: MatchBlocker | null): Promise<NextOutcome> => {
    await tx.saveRequest({ ...request, status: "waitlisted", waitlistedAt: now, updatedAt: now });
    return blocker ? { offered: null, waitlisted: true, blocker } : { offered: null, waitlisted: true };
  };
  if (request.tried.length >= community.settings.maxIntroTries || community.settings.programPaused) return waitlist();
  const p = pool ?? (await loadPool(tx, community, now, request));
  const asker = askerFor(p, request, await pendingWith(tx, community.id, request.seekerId));
  const { ranked } = rankCandidates(asker, p.candidates, p.weights, 1);
  const best = ranked[0];
  const volunteer = best ? p.members.get(best.volunteerId) : undefined;
  if (!best || !volunteer) return waitlist(blockerFor(p, request, asker));
  const offered = await offerIntro(tx, deps, community, request, volunteer, best.reasons);
  return { offered, volunteer };
}
