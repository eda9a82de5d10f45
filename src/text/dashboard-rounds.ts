import { formatDate } from "../core/time/index.js";

/** The words of the dashboard's Rounds page (peer rounds: who is in, the next round, the last one's meet rate). */
export const ROUNDS_WORDS = {
  title: "Peer rounds",
  off: "Peer rounds are off. Set “peer rounds every” on the Settings page to turn them on.",
  /** The next round, or when none is planned yet (nobody has opted in). */
  next: (at: Date | null, everyWeeks: number, zone: string): string => {
    const every = everyWeeks === 1 ? "every week" : `every ${everyWeeks} weeks`;
    return at
      ? `Next round: ${formatDate(at, zone)} (rounds run ${every}).`
      : `Rounds run ${every}; the first is planned once a member opts in.`;
  },
  nobody: "nobody",
  noRoundYet: "No round has run yet.",
  lastCaption: (at: Date, zone: string): string => `Groups of the last round (${formatDate(at, zone)})`,
  columns: ["Group", "Size", "Did they meet?"] as const,
  status: { open: "no answer yet", met: "met", missed: "didn't meet" } as const,
  runButton: "Run a round now",
  runHelp: "Pairs everyone in now, as the scheduled round would; the next round then counts from today.",
  ranNotice: (groups: number, unpaired: number): string =>
    `The round ran: ${groups} group${groups === 1 ? "" : "s"} formed${unpaired ? `; ${unpaired} member${unpaired === 1 ? "" : "s"} couldn't be paired and were told why` : ""}.`,
  offNotice: "Peer rounds are off, so nothing ran. Turn them on on the Settings page.",
};
