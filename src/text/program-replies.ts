import type { ProgramReply, Reply } from "../core/commands/index.js";
import { formatMoment } from "../core/time/index.js";
import type { AdminPostValue, CelebrateValue, OfferTopicValue } from "../core/use-cases/index.js";
import { programPostText } from "./program-post.js";
import type { TextStyle } from "./style.js";

const KINDS: ReadonlySet<string> = new Set(["celebrate", "offer_topic", "admin_post"]);

/** Is this the reply to a program-channel command (worded here)? */
export const isProgramReply = (r: Reply): r is ProgramReply => KINDS.has(r.kind);

/** The answer to a program-channel command that succeeded, in the reader's zone. */
export function renderProgramReply(r: ProgramReply, zone: string, style: TextStyle): string {
  if (!r.result.ok) return "";
  switch (r.kind) {
    case "celebrate":
      return renderCelebrate(r.result.value, style);
    case "offer_topic":
      return renderOffer(r.result.value, style);
    case "admin_post":
      return renderAdminPost(r.result.value, zone, style);
  }
}

function renderCelebrate(v: CelebrateValue, style: TextStyle): string {
  if (!v.yes)
    return v.already
      ? "The weekly post doesn't name you — nothing changed."
      : `Done — the weekly post won't name you any more. Change your mind any time with ${style.cmd("celebrate yes")}.`;
  const when = v.postsOn ? "" : " (This community has no weekly post yet; your answer waits until it does.)";
  return `${v.already ? "You've said yes already" : "🎉 Thanks"} — when you meet someone who says yes too, the weekly post will cheer you both by name. Stop any time with ${style.cmd("celebrate no")}.${when}`;
}

function renderOffer(v: OfferTopicValue, style: TextStyle): string {
  const tag = style.user(v.tag);
  const more = `Add your other topics, free times and a meeting link with ${style.usage("volunteer")} and ${style.usage("availability")}.`;
  switch (v.did) {
    case "new":
      return `🙌 Thank you! You now volunteer for ${tag}, up to ${v.profile.capacityPerMonth} chats a month. I'll introduce you to people asking about it. ${more}`;
    case "back":
      return `🙌 Welcome back! You volunteer again, now with ${tag} among your topics (${v.profile.expertise.map(style.user).join(", ")}).`;
    case "added":
      return `🙌 Thank you! ${tag} is now one of your topics (${v.profile.expertise.map(style.user).join(", ")}). I'll introduce you to people asking about it.`;
    case "had":
      return `You volunteer for ${tag} already — thank you! I'll introduce you to people asking about it.`;
  }
}

function renderAdminPost(v: AdminPostValue, zone: string, style: TextStyle): string {
  const c = style.cmd;
  const head = v.posted
    ? `Posted in the program channel. The weekly schedule is unchanged${v.nextAt ? `: the next post is ${formatMoment(v.nextAt, zone)}` : ""}.`
    : v.channelId === null
      ? `There's no program channel yet, so nothing is posted. Set one with ${c("admin settings programChannelId <channel>")}. This is what the post would say now:`
      : !v.on
        ? `The weekly post is off (programPostEveryWeeks is 0). Switch it on with ${c("admin settings programPostEveryWeeks 1")}. It would say:`
        : `The post goes out every ${v.everyWeeks === 1 ? "week" : `${v.everyWeeks} weeks`}; the next is ${v.nextAt ? formatMoment(v.nextAt, zone) : "not scheduled"}. Post it now with ${c("admin post now")}. It would say now:`;
  const failed = v.lastFailure
    ? `⚠️ The last post, ${formatMoment(v.lastFailure.at, zone)}, couldn't go out (${style.user(v.lastFailure.error)}): add me to the program channel and let me post there. I try again for a day after each post's time.\n`
    : "";
  return v.posted ? head : `${failed}${head}\n\n${programPostText(v.post, style)}`;
}
