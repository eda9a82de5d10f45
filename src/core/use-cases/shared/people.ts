import type { Member, PersonRef, VolunteerProfile } from "../../domain/index.js";

/** The name and zone a message needs. */
export const ref = (m: Member): PersonRef => ({ id: m.id, name: m.displayName, timeZone: m.timeZone });

/** A volunteer as a seeker should see them before a chat. */
export const card = (m: Member, p: VolunteerProfile | null) => ({
  ...ref(m),
  tags: p?.expertise ?? [],
  bio: p?.bio ?? "",
});
