import { z } from "zod";

/**
 * A dashboard grant: a one-time sign-in link (`link`) or the browser session it became
 * (`session`). Only a hash of the secret is stored, so a copy of the database signs nobody in.
 * A grant is bound to one community and one member; the admin check runs again on every
 * request with the facts recorded here (refreshed from the platform when it can say).
 */
export const DashboardGrantSchema = z.object({
  /** SHA-256 of the secret, hex: the secret itself only ever travels in the link or the cookie. */
  hash: z.string(),
  kind: z.enum(["link", "session"]),
  communityId: z.string(),
  memberId: z.string(),
  /** The platform's admin flag when the link was asked for (Slack workspace admin, Discord Manage Server, the shell). */
  platformAdmin: z.boolean(),
  /** The member's platform roles when the link was asked for (Discord). */
  roles: z.array(z.string()),
  createdAt: z.date(),
  expiresAt: z.date(),
  /** Links only: when the link was used to sign in; a used link never signs in again. */
  usedAt: z.date().nullable(),
});
export type DashboardGrant = z.infer<typeof DashboardGrantSchema>;

/** How long a sign-in link works, and how long the session it opens lasts. */
export const DASHBOARD_LINK_MINUTES = 15;
export const DASHBOARD_SESSION_HOURS = 8;
