import type { Member, Notice } from "../core/domain/index.js";
import { formatDate, formatSlot } from "../core/time/index.js";
import type { TextStyle } from "./style.js";

const KINDS = ["round_paired", "round_unpaired", "round_booked", "round_reminder", "round_check_in", "rounds_paused"] as const;
type RoundNotice = Extract<Notice, { kind: (typeof KINDS)[number] }>;

/** Is this one of the peer rounds' notices (worded here)? */
export const isRoundNotice = (n: Notice): n is RoundNotice => (KINDS as readonly string[]).includes(n.kind);

/** "you both", "the three of you": the whole group, from inside it. */
const everyone = (members: readonly unknown[]): string => (members.length === 3 ? "the three of you" : "you both");

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
      ? `   Say hello and book a ${n.minutes}-minute chat — times that suit ${all}:`
      : `   I couldn't find a time that suits ${all} in the next two weeks — say hello and agree one here.`,
    ...n.slots.map((s, i) => `   ${i + 1}. ${formatSlot(s, zone)}`),
    ...(n.slots.length
      ? [`   Any of you can book one — click it or type ${style.cmd("rounds pick <n>")} — and I'll remind you all before it.`]
      : []),
    `   I'll ask whether you met ${n.slots.length ? "after the time you book, or " : ""}on ${formatDate(n.checkInAt, zone)}. Busy this time? Type ${style.cmd("rounds skip")} to sit out the next round.`,
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
    case "round_booked":
      return [
        n.previous
          ? `📅 ${u(n.by.name)} moved your peer-round chat to ${formatSlot(n.slot, reader.timeZone)} for ${everyone(n.members)} (instead of ${formatSlot(n.previous, reader.timeZone)}).`
          : `📅 ${u(n.by.name)} booked ${formatSlot(n.slot, reader.timeZone)} for ${everyone(n.members)}.`,
        `   I'll remind you before it and ask afterwards whether you met. Another time suits better? Type ${c("rounds pick <n>")} with one of the times above.`,
        `   Calendar invite attached (${n.ics.split("\n").length} lines of .ics).`,
      ].join("\n");
    case "round_reminder":
      return `⏰ Your peer-round chat, ${names(n.members.map((m) => u(m.name)))}, starts ${formatSlot(n.slot, reader.timeZone)}.`;
    case "round_check_in":
      return `👋 Did you meet ${names(n.others.map((o) => u(o.name)))} for your peer round? Type ${c("rounds met")} or ${c("rounds missed")}.`;
    case "rounds_paused":
      return `💤 The last ${n.ignored} peer rounds' "did you meet?" went unanswered, so I've taken you out of peer rounds for now — no harm done. Type ${c("rounds join")} whenever you'd like to be paired again.`;
  }
}
