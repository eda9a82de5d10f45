import {
  type Format,
  FormatSchema,
  isMeetingLink,
  readTopics,
  type TopicGuess,
  type TopicProblem,
  type VolunteerProfile,
} from "../domain/index.js";
import { fail, ok, type Result } from "../result.js";
import { type Actor, type Deps, loadActor } from "./shared/context.js";
import { topicWords } from "./shared/topic-words.js";

export interface SetVolunteerProfile {
  actor: Actor;
  expertise: string | readonly string[];
  bio?: string;
  capacityPerMonth?: number;
  formats?: readonly string[];
  meetingLink?: string;
}

export type SetVolunteerCode = "NO_TAGS" | TopicProblem["code"] | "BAD_CAPACITY" | "BAD_FORMAT" | "BAD_LINK" | "TEXT_TOO_LONG";

/**
 * Makes (or updates) the member a volunteer. Fields left out keep their previous value, or
 * the community default (capacity) for a new volunteer.
 */
export async function setVolunteerProfile(
  deps: Deps,
  cmd: SetVolunteerProfile,
): Promise<Result<VolunteerProfile & { guesses?: TopicGuess[] }, SetVolunteerCode>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { community } = await loadActor(tx, cmd.actor, now);
    const read = readTopics(cmd.expertise, await topicWords(tx, community, cmd.actor.memberId));
    if (!read.ok) {
      const { code, ...detail } = read.problem;
      return fail(code, detail);
    }
    const expertise = read.tags;
    if (expertise.length === 0) return fail("NO_TAGS", { example: "product-management, ux-design" });
    const cap = cmd.capacityPerMonth;
    if (cap !== undefined && (!Number.isInteger(cap) || cap < 0 || cap > 20)) return fail("BAD_CAPACITY", { min: 0, max: 20 });
    let formats: Format[] | undefined;
    if (cmd.formats !== undefined) {
      const parsed = cmd.formats.map((f) =>
        FormatSchema.safeParse(
          f
            .trim()
            .toLowerCase()
            .replace(/[\s-]+/g, "_"),
        ),
      );
      const bad = parsed.findIndex((p) => !p.success);
      if (bad >= 0 || parsed.length === 0) return fail("BAD_FORMAT", { given: cmd.formats[bad] ?? "", allowed: FormatSchema.options });
      formats = [...new Set(parsed.flatMap((p) => (p.success ? [p.data] : [])))];
    }
    // An empty link clears it; anything else must be a web address people can open.
    const link = cmd.meetingLink?.trim();
    if (link && !isMeetingLink(link)) return fail("BAD_LINK", { given: link, example: "https://meet.example.org/you" });
    const bio = cmd.bio?.trim();
    if ((bio?.length ?? 0) > 1000) return fail("TEXT_TOO_LONG", { max: 1000 });
    const prev = await tx.getVolunteer(community.id, cmd.actor.memberId);
    const profile: VolunteerProfile = {
      memberId: cmd.actor.memberId,
      communityId: community.id,
      expertise,
      bio: bio ?? prev?.bio ?? "",
      capacityPerMonth: cap ?? prev?.capacityPerMonth ?? community.settings.volunteerDefaultCapacity,
      formats: formats ?? prev?.formats ?? ["video"],
      meetingLink: link ?? prev?.meetingLink ?? "",
      active: true,
      updatedAt: now,
    };
    await tx.saveVolunteer(profile);
    return ok(read.guesses.length > 0 ? { ...profile, guesses: read.guesses } : profile);
  });
}
