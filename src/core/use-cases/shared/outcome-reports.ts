import type { Chat, ChatStatus, OutcomeReport } from "../../domain/index.js";

export type Reported = OutcomeReport["outcome"];

/** This person's own answer to "did it happen?", if they gave one. */
export const reportOf = (chat: Chat, memberId: string): OutcomeReport | undefined => chat.reports.find((r) => r.by === memberId);

/**
 * The chat's status from the answers given: the one answer, the answer both gave, or
 * `disputed` when they differ. Older rows hold no reports: their status stands.
 */
export function statusFromReports(reports: readonly OutcomeReport[], fallback: ChatStatus): ChatStatus {
  const said = new Set(reports.map((r) => r.outcome));
  if (said.size === 0) return fallback;
  if (said.size > 1) return "disputed";
  return said.has("happened") ? "happened" : "no_show";
}

/** What the seeker says about their own chat, if they answered: their word decides their request. */
export const seekerSays = (chat: Chat): Reported | undefined => reportOf(chat, chat.seekerId)?.outcome;

/** Chat statuses that hold at least one answer to "did it happen?". */
export const REPORTED_STATUSES: readonly ChatStatus[] = ["happened", "no_show", "disputed"];
