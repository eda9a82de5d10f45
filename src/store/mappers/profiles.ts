import { SeekerProfileSchema, VolunteerProfileSchema, type SeekerProfile, type VolunteerProfile } from "../../core/domain/index.js";
import type { SeekerProfile as SeekerRow, VolunteerProfile as VolunteerRow } from "../generated/sqlite/client.js";
import { parseRow, readJson, toJson } from "./json.js";

/** A seeker profile as a `seeker_profiles` row; interests become JSON. */
export const seekerToRow = (p: SeekerProfile): SeekerRow => ({
  communityId: p.communityId,
  memberId: p.memberId,
  interests: toJson(p.interests),
  learn: p.learn,
  intro: p.intro,
  updatedAt: p.updatedAt,
});

/** A `seeker_profiles` row back as a validated SeekerProfile. */
export function seekerFromRow(r: SeekerRow): SeekerProfile {
  const where = `seeker_profiles(${r.communityId}, ${r.memberId})`;
  return parseRow(SeekerProfileSchema, { ...r, interests: readJson(r.interests, where) }, where);
}

/** A volunteer profile as a `volunteer_profiles` row; expertise and formats become JSON. */
export const volunteerToRow = (p: VolunteerProfile): VolunteerRow => ({
  communityId: p.communityId,
  memberId: p.memberId,
  expertise: toJson(p.expertise),
  bio: p.bio,
  capacityPerMonth: p.capacityPerMonth,
  formats: toJson(p.formats),
  meetingLink: p.meetingLink,
  active: p.active,
  updatedAt: p.updatedAt,
});

/** A `volunteer_profiles` row back as a validated VolunteerProfile. */
export function volunteerFromRow(r: VolunteerRow): VolunteerProfile {
  const where = `volunteer_profiles(${r.communityId}, ${r.memberId})`;
  return parseRow(VolunteerProfileSchema, { ...r, expertise: readJson(r.expertise, where), formats: readJson(r.formats, where) }, where);
}
