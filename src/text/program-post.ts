import type { ProgramPost } from "../core/domain/index.js";
import { formatDate, formatMoment } from "../core/time/index.js";
import type { Action } from "./actions.js";
import type { TextStyle } from "./style.js";

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "ana & ben", "cy, dee & ed". */
const together = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} & ${names[names.length - 1]}`;

/** What met in the period, in one line. */
function metLine(p: ProgramPost): string {
  const chats = p.chatsHappened > 0 ? `${plural(p.chatsHappened, "coffee chat", "coffee chats")} happened` : "";
  const peers = p.peersMet > 0 ? `${plural(p.peersMet, "peer group", "peer groups")} met` : "";
  if (!chats && !peers) return "🌱 No chats to report yet this time — the next one could be yours.";
  return `🎉 ${[chats, peers].filter(Boolean).join(" and ")}.`;
}

/**
 * The weekly program post as the channel reads it: what met (names only for those who all said
 * yes), topics short of volunteers, and the next peer round. Counts and topics only otherwise.
 */
export function programPostText(p: ProgramPost, style: TextStyle): string {
  const u = style.user;
  const days = Math.round((p.until.getTime() - p.since.getTime()) / 86_400_000);
  const span = days <= 7 ? "this week" : `these ${Math.round(days / 7)} weeks`;
  const lines = [`☕ Coffee chats ${span} (since ${formatDate(p.since, p.timeZone)})`, metLine(p)];
  if (p.celebrated.length > 0) {
    const more = p.unnamed > 0 ? " — and to everyone else who met" : "";
    lines.push(`   Congratulations to ${p.celebrated.map((names) => together(names.map(u))).join(" · ")}${more}!`);
  }
  // Asked only when someone who met is not named.
  if (p.unnamed > 0)
    lines.push(
      `   Want to be named here after you meet? ${style.cmd("celebrate yes")} — you're only named when everyone you met says yes too.`,
    );
  if (p.shortTopics.length > 0) {
    lines.push("🙋 People here are asking about these topics — could you help?");
    for (const t of p.shortTopics)
      lines.push(`   • ${u(t.tag)}${t.waiting > 0 ? ` (${plural(t.waiting, "request", "requests")} waiting)` : ""}`);
  }
  if (p.rounds.on) {
    const who = p.rounds.members > 0 ? ` — ${plural(p.rounds.members, "member is", "members are")} in` : "";
    lines.push(
      p.rounds.nextAt
        ? `🤝 Next peer round: ${formatMoment(p.rounds.nextAt, p.timeZone)}${who}. Join with ${style.cmd("rounds join")}.`
        : `🤝 Peer rounds pair members for a chat each round: join with ${style.cmd("rounds join")}.`,
    );
  }
  return lines.join("\n");
}

/** The post's buttons: *I can help with <topic>* for each topic short of volunteers, and *Pair me with peers* when rounds are on. */
export function programPostActions(p: ProgramPost): Action[] {
  return [
    ...p.shortTopics.map((t) => ({ label: `I can help with ${t.tag}`, command: { kind: "offer_topic" as const, tag: t.tag } })),
    ...(p.rounds.on ? [{ label: "Pair me with peers", style: "primary" as const, command: { kind: "rounds_join" as const } }] : []),
  ];
}

/** Asked after someone says they met, where a weekly post goes out: may it name them? */
export const celebrateAskText = (style: TextStyle): string =>
  `🎉 May the weekly post in the program channel name you? Only when everyone you met says yes too. Say yes with ${style.cmd("celebrate yes")} (or the button), no any time with ${style.cmd("celebrate no")}.`;

/** The button under CELEBRATE_ASK. */
export const celebrateAskActions = (): Action[] => [{ label: "Yes, you may name me", command: { kind: "celebrate", yes: true } }];
