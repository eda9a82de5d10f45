import type { Member, Notice } from "../core/domain/index.js";
import { formatDate, formatSlot } from "../core/time/index.js";
import type { TextStyle } from "./style.js";

type RoundNotice = Extract<Notice, { kind: "round_paired" | "round_unpaired" | "round_check_in" | "rounds_paused" }>;

/** Is this one of the peer rounds' notices (worded here)? */
export const isRoundNotice = (n: Notice): n is RoundNotice =>
  n.kind === "round_paired" || n.kind === "round_unpaired" || n.kind === "round_check_in" || n.kind === "rounds_paused";

/** "Bo", "Bo and Cy". */
const names = (xs: readonly string[]): string => (xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs.at(-1)}`);

type Paired = Extract<Notice, { kind: "round_paired" }>;

/** A round's introduction after its greeting: shared topics, the times in `zone`, when the check-in comes. */
function pairedLines(n: Paired, greeting: string, zone: string, style: TextStyle): string {
  const u = style.user;
  const all = n.members.length === 3 ? "all three of you" : "you both";
  return [
    `🤝 Peer round: ${greeting}${n.sharedTags.length ? ` ${all === "you both" ? "You both" : "All three of you"} care about ${n.sharedTags.map(u).join(", ")}.` : ""}`,
    n.slots.length
      ? `   Say hello and agree a ${n.minutes}-minute chat — times that suit ${all}:`
      : `   I couldn't find a time that suits ${all} in the next two weeks — say hello and agree one here.`,
    ...n.slots.map((s, i) => `   ${i + 1}. ${formatSlot(s, zone)}`),
    `   I'll ask on ${formatDate(n.checkInAt, zone)} whether you met. Busy this time? Type ${style.cmd("rounds skip")} to sit out the next round.`,
  ].join("\n");
}

/**
 * A round's introduction as its shared conversation shows it, to every member at once: each
 * one named (no "you're paired with" from one member's side), times in the first reader's zone,
 * which each time names.
 */
export function renderRoundGroup(n: Paired, readers: readonly Member[], style: TextStyle): string {
  const zone = readers[0]?.timeZone ?? "UTC";
  return pairedLines(n, groupGreeting(n, style), zone, style);
}

/** "Ana, Bo and Cy — you're paired this round!": the group, every member named. */
const groupGreeting = (n: Paired, style: TextStyle): string =>
  `${names(n.members.map((m) => style.user(m.name)))} — you're paired this round!`;

/** A peer round's notice as plain text for one reader, times in their zone, with the commands they can type. */
export function renderRoundNotice(n: RoundNotice, reader: Member, style: TextStyle): string {
  const c = style.cmd;
  const u = style.user;
  switch (n.kind) {
    case "round_paired": {
      // Everyone in the group reads the same words (a shared conversation, or each one's copy): it names them all.
      return pairedLines(n, groupGreeting(n, style), reader.timeZone, style);
    }
    case "round_unpaired": {
      const next = n.nextRoundAt ? ` The next round is on ${formatDate(n.nextRoundAt, reader.timeZone)}.` : "";
      if (n.why === "alone")
        return `🤝 Nobody else was in this peer round, so there's no pair for you this time. Invite a colleague to type ${c("rounds join")}!${next}`;
      if (n.why === "recent")
        return `🤝 You've met everyone in this peer round recently, so there's no new peer for you this time — you'll be paired again as new people join.${next}`;
      return `🤝 Nobody in this peer round shares free time with you in the next two weeks, so there's no pair for you this time. Add free times with ${c("availability mon-fri 9-17")} to be paired next time.${next}`;
    }
    case "round_check_in":
      return `👋 Did you meet ${names(n.others.map((o) => u(o.name)))} for your peer round? Type ${c("rounds met")} or ${c("rounds missed")}.`;
    case "rounds_paused":
      return `💤 The last ${n.ignored} peer rounds' "did you meet?" went unanswered, so I've taken you out of peer rounds for now — no harm done. Type ${c("rounds join")} whenever you'd like to be paired again.`;
  }
}
