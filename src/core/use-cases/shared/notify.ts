import type { Notice, Nudge } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import type { Deps } from "./context.js";

export interface NudgeSpec {
  /** One member, or the pair (seeker first) for the shared conversation. */
  to: readonly string[];
  notice: Notice;
  /** The chat, intro or request this is about. */
  refId: string;
  dueAt: Date;
  /** Distinguishes repeats of the same kind for the same thing (e.g. after a reschedule). */
  round?: number;
  /** Distinguishes a second notice of the same kind in one round (e.g. "again" for the repeated check-in). */
  variant?: string;
}

/** The dedupe key: the same notice for the same thing to the same people is sent once. */
export const nudgeKey = (s: Pick<NudgeSpec, "to" | "notice" | "refId" | "round" | "variant">): string =>
  `${s.notice.kind}:${s.refId}:${s.to.join("+")}${s.round ? `:r${s.round}` : ""}${s.variant ? `:${s.variant}` : ""}`;

/**
 * Writes notices into the outbox in the caller's transaction, so a state change and the
 * messages it implies land together or not at all. Returns how many were new.
 */
export async function enqueue(
  tx: StoreTx,
  deps: Pick<Deps, "ids" | "clock">,
  communityId: string,
  specs: readonly NudgeSpec[],
): Promise<number> {
  if (specs.length === 0) return 0;
  const now = deps.clock.now();
  const rows: Nudge[] = specs.map((s) => ({
    id: deps.ids.next("ndg"),
    communityId,
    key: nudgeKey(s),
    to: [...s.to],
    kind: s.notice.kind,
    refId: s.refId,
    dueAt: s.dueAt,
    notice: s.notice,
    status: "pending",
    attempts: 0,
    lastError: null,
    leaseOwner: null,
    leaseUntil: null,
    sentAt: null,
    createdAt: now,
  }));
  return tx.addNudges(rows);
}
