/**
 * The weekly program post, as the core composes it: only counts, topics and dates, plus the
 * names of chats and peer groups whose every member said yes to being celebrated
 * (`Member.celebrate`). Nothing private (who waits, feedback, no-shows, notes) is in it, so an
 * adapter cannot post it by mistake.
 */
export interface ProgramPost {
  communityId: string;
  /** The period it covers, `[since, until)`, and the zone its dates are shown in. */
  since: Date;
  until: Date;
  timeZone: string;
  /** Coffee chats held in the period that someone marked as happened. */
  chatsHappened: number;
  /** Peer-round groups that said they met in the period. */
  peersMet: number;
  /** Display names of each chat or group to celebrate (everyone in it said yes), newest first, at most CELEBRATED_MAX. */
  celebrated: string[][];
  /** Chats and groups that met but are not named (someone did not say yes, or over the cap). */
  unnamed: number;
  /** Topics asked for without enough volunteers, most waiting first, at most SHORT_TOPICS_MAX. */
  shortTopics: { tag: string; waiting: number }[];
  /** Peer rounds: on or off, how many are in, and when the next round is (null before anyone joins). */
  rounds: { on: boolean; members: number; nextAt: Date | null };
}

/** The most chats and groups a post names; the rest are counted. */
export const CELEBRATED_MAX = 10;
/** The most topics a post asks help for (one button each). */
export const SHORT_TOPICS_MAX = 3;
