/**
 * Where the admin dashboard is served, as the core needs to know it: a fresh secret for a
 * sign-in link, its hash (what the store keeps), and the link a person opens. Absent from
 * `Deps` when no web server runs (then `admin dashboard` says how to turn it on).
 */
export interface DashboardLinks {
  /** A new unguessable secret (at least 256 random bits, URL-safe). */
  newSecret(): string;
  /** The hash the store keeps for a secret (SHA-256, hex). */
  hash(secret: string): string;
  /** The sign-in link for a community's dashboard carrying `secret`. */
  linkFor(communityId: string, secret: string): string;
}
