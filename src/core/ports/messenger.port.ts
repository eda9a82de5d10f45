import type { Member, Notice } from "../domain/index.js";

/** One notice on its way to one member, or to a pair (seeker first) in a shared conversation. */
export interface Delivery {
  /** Stable per notice: platforms that support idempotent sends use it so a retry never duplicates. */
  key: string;
  /**
   * 1 on the first try. Above 1 an earlier try may have reached the platform (a crash between
   * send and mark-sent), so a platform without server-side idempotency should look for a
   * message carrying `key` before posting again.
   */
  attempt: number;
  /**
   * No message for this delivery can be older than this (its nudge's creation): a lookup for
   * an earlier try need not read further back. Absent: look through everything.
   */
  since?: Date;
  communityId: string;
  to: readonly Member[];
  notice: Notice;
  /**
   * Further notices for the same one recipient, due at the same time: the platform sends them
   * in the same message as `notice`, in this order, each part keeping its own buttons. Absent
   * (or empty) for a lone notice. Never set for a pair delivery.
   */
  also?: readonly Notice[];
}

/** Every notice a delivery carries, in the order they should read. */
export const noticesOf = (d: Pick<Delivery, "notice" | "also">): readonly Notice[] =>
  d.also && d.also.length > 0 ? [d.notice, ...d.also] : [d.notice];

export type SendOutcome =
  | { ok: true }
  /** `retryAfterMs` when the platform said when to come back (rate limit); `permanent` when retrying cannot help. */
  | {
      ok: false;
      error: string;
      retryAfterMs?: number;
      permanent?: boolean;
      /**
       * The whole community is out of reach (the app was uninstalled, its token revoked): the
       * delivery is kept as it is, no attempt counted, until the community is installed again.
       */
      communityGone?: boolean;
    };

/** How the core talks to people. Each platform adapter implements it. */
export interface Messenger {
  /**
   * Deliver one notice: a direct message to one member, or a message in the pair's shared
   * conversation (opened on first use) when `to` holds two members. Resolves with the outcome;
   * rejects only on a bug.
   */
  send(delivery: Delivery): Promise<SendOutcome>;
}
