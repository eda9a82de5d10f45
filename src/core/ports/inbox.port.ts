/**
 * A platform request (a command, a click, a form) kept from before its acknowledgement until
 * it is answered, so an acknowledged request survives a crash and a re-sent one is recognised.
 */
export interface InboxEntry {
  /** The request's identity on its platform, prefixed (`slack:<trigger_id>`, `discord:<interaction id>`). */
  id: string;
  communityId: string;
  /** Which adapter handler runs it (`slack_command`, `discord_interaction`, …). */
  kind: string;
  /** What the handler needs to run and answer it, as JSON the adapter parses at its edge. */
  payload: string;
  /** pending: not applied yet; applied: its effect is in the store; answered: the person was answered. */
  status: InboxStatus;
  /** The run that applied it, while or after it did (see StoreTx.markInboxApplied). */
  appliedBy: string | null;
  appliedAt: Date | null;
  /** What was answered, as JSON, so a replay gets the same answer; null until answered. */
  answer: string | null;
  /** The process working on it, until `leaseUntil`; after that another may take it over. */
  leaseOwner: string | null;
  leaseUntil: Date | null;
  receivedAt: Date;
  answeredAt: Date | null;
}

export type InboxStatus = "pending" | "applied" | "answered";

/** What an adapter keeps before acknowledging. */
export type NewInboxEntry = Pick<InboxEntry, "id" | "communityId" | "kind" | "payload">;

/** The inbox of platform requests, shared by all communities. */
export interface Inbox {
  /**
   * Keeps the entries in one write, pending and leased to `owner` until `leaseUntil`; an id
   * kept before is left exactly as it is. Returns, in order, each stored entry and whether
   * this call created it (false: a re-sent request).
   */
  receive(entries: readonly NewInboxEntry[], owner: string, leaseUntil: Date, at: Date): Promise<{ entry: InboxEntry; fresh: boolean }[]>;
  /** Marks entries answered, each with what was answered, and ends their leases, in one write. */
  answered(done: readonly { id: string; answer: string | null }[], at: Date): Promise<void>;
  /**
   * Leases up to `limit` unanswered entries of these kinds whose lease has expired (the process
   * holding them died) to `owner` until `leaseUntil`, oldest first. Two callers never get the
   * same entry.
   */
  claimStale(kinds: readonly string[], now: Date, limit: number, owner: string, leaseUntil: Date): Promise<InboxEntry[]>;
  /** Extends every unanswered lease `owner` holds to `leaseUntil`; returns how many. */
  renew(owner: string, leaseUntil: Date): Promise<number>;
  /** Ends `owner`'s leases on unanswered entries, so another process may take them at once; returns how many. */
  release(owner: string): Promise<number>;
  /** Deletes answered entries received before `before` (their replay window is long past); returns how many. */
  prune(before: Date): Promise<number>;
  /** One entry, or null. */
  get(id: string): Promise<InboxEntry | null>;
}
