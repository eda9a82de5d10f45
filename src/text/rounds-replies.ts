import type { Reply, RoundsReply } from "../core/commands/index.js";
import { formatDate, formatMoment, formatSlot } from "../core/time/index.js";
import type { RoundsOverview, RunRoundValue } from "../core/use-cases/index.js";
import type { TextStyle } from "./style.js";

const KINDS: ReadonlySet<string> = new Set([
  "rounds_join",
  "rounds_skip",
  "rounds_leave",
  "rounds_report",
  "rounds_pick",
  "admin_rounds",
  "admin_rounds_run",
]);

/** Is this the reply to a peer-round command (worded here)? */
export const isRoundsReply = (r: Reply): r is RoundsReply => KINDS.has(r.kind);

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** The answer to a peer-round command that succeeded, as plain text in the reader's zone. */
export function renderRoundsReply(r: RoundsReply, zone: string, style: TextStyle): string {
  const c = style.cmd;
  if (!r.result.ok) return "";
  switch (r.kind) {
    case "rounds_join": {
      const v = r.result.value;
      const when = v.nextRoundAt ? ` The next round is ${formatMoment(v.nextRoundAt, zone)}.` : "";
      return v.already
        ? `You're in peer rounds already.${when}`
        : `🤝 You're in peer rounds! Each round pairs you with a peer to meet for a chat.${when} Sit one out with ${c("rounds skip")}, stop with ${c("rounds leave")}.`;
    }
    case "rounds_skip":
      return `OK — you'll sit out the round on ${formatDate(r.result.value.skipped, zone)} and be paired again the round after.`;
    case "rounds_leave":
      return r.result.value.was
        ? `You've left peer rounds; your coffee chats go on as before. Type ${c("rounds join")} to come back.`
        : `You weren't in peer rounds. Type ${c("rounds join")} to be paired with a peer each round.`;
    case "rounds_report":
      return r.result.value.outcome === "met"
        ? "Glad you met — thanks for letting me know!"
        : "Thanks for letting me know. Maybe next round — you'll be paired with someone new.";
    case "rounds_pick": {
      const { group, replay } = r.result.value;
      const when = group.slot ? formatSlot(group.slot, zone) : "";
      return replay
        ? `${when} is your group's time already — nothing changed.`
        : `📅 Booked: ${when}. I've told your group, and I'll remind you all before it.`;
    }
    case "admin_rounds":
      return renderOverview(r.result.value, zone, style);
    case "admin_rounds_run":
      return renderRun(r.result.value, zone);
  }
}

function renderOverview(v: RoundsOverview, zone: string, style: TextStyle): string {
  const u = style.user;
  if (!v.on) return `Peer rounds are off (roundsEveryWeeks is 0). Switch them on with ${style.cmd("admin settings roundsEveryWeeks 2")}.`;
  const lines = [
    `Peer rounds every ${v.everyWeeks === 1 ? "week" : `${v.everyWeeks} weeks`}. Next round: ${v.nextRoundAt ? formatMoment(v.nextRoundAt, zone) : "when someone joins"}.`,
    `In: ${v.members.length}${v.members.length ? ` — ${v.members.map(u).join(", ")}` : ""}`,
    `Skipping the next round: ${v.skipping.length ? v.skipping.map(u).join(", ") : "nobody"}`,
  ];
  if (!v.last) return [...lines, "No round has run yet."].join("\n");
  const l = v.last;
  return [
    ...lines,
    `Last round (${formatDate(l.round.at, zone)}): ${l.groups.length} group(s), ${l.round.counts.unpaired} unpaired, ${l.round.counts.skipped} skipped.`,
    ...l.groups.map(
      (g) => `   • ${g.names.map(u).join(" & ")} — ${g.status === "met" ? "met" : g.status === "missed" ? "didn't meet" : "no answer yet"}`,
    ),
    `Meet rate: ${l.meetRate === null ? "—" : `${pct(l.meetRate)} (${l.met} of ${l.groups.length} met, ${l.missed} didn't)`}`,
  ].join("\n");
}

function renderRun(v: RunRoundValue, zone: string): string {
  if (!v.ran) return `No round ran. Next round: ${v.nextRoundAt ? formatMoment(v.nextRoundAt, zone) : "when someone joins"}.`;
  return [
    `Round done: ${v.groups.length} group(s) from ${v.round.counts.members} member(s), ${v.unpaired.length} unpaired, ${v.round.counts.skipped} skipped. Everyone has been told.`,
    ...(v.nextRoundAt ? [`Next round: ${formatMoment(v.nextRoundAt, zone)}.`] : []),
  ].join("\n");
}
