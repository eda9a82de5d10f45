import type { FunnelStep } from "../core/stats/index.js";

/**
 * Every figure's name and its one-line plain explanation, the same in `admin stats` and on the
 * dashboard (beside the figure, or as its title on hover). Written for a programme admin.
 */
export type FigureKey =
  | FunnelStep
  | "timeToFirstIntro"
  | "timeToBooked"
  | "declined"
  | "expired"
  | "noShow"
  | "disputed"
  | "cancelled"
  | "referrals"
  | "load"
  | "loadSpread"
  | "waiting"
  | "longestWait"
  | "feedback"
  | "recruiting"
  | "responsiveness"
  | "roundsIn"
  | "roundsSkipping"
  | "meetRate"
  | "postOn"
  | "postChannel"
  | "postCadence"
  | "postNext"
  | "postLastFailure";

export const FIGURES: Record<FigureKey, { label: string; help: string }> = {
  requests: { label: "Requests", help: "Chats members asked for, counted when they asked." },
  intros: { label: "Intros", help: "Introductions offered to volunteers, counted when offered." },
  accepted: { label: "Accepted", help: "Intros a volunteer said yes to, counted when they answered." },
  booked: { label: "Booked", help: "Chats with a time both people picked, counted when they picked it." },
  happened: { label: "Happened", help: "Chats both people (or one, unanswered) said took place, counted when they were held." },
  thanked: { label: "Thanked", help: "Thank-you notes seekers wrote to their volunteer, counted when written." },
  timeToFirstIntro: {
    label: "Time to first intro",
    help: "From asking to the first intro offered: half the requests got one faster than the median, nine in ten faster than p90.",
  },
  timeToBooked: { label: "Time to a booked chat", help: "From asking to a chat with a time both people picked: median and p90." },
  declined: { label: "Declined", help: "Intros a volunteer said no to, counted when they answered." },
  expired: { label: "Expired", help: "Intros nobody answered before the deadline, counted when they ran out." },
  noShow: { label: "No-shows", help: "Chats someone reported did not happen, counted when they were due." },
  disputed: { label: "Disputed", help: "Chats where one said it happened and the other said it didn't." },
  cancelled: { label: "Cancelled", help: "Chats called off by one of the pair, counted when cancelled." },
  referrals: { label: "Referrals", help: "Requests that came from a volunteer passing a seeker on." },
  load: { label: "Load", help: "Chats this calendar month against the volunteer's monthly capacity: 100% is full." },
  loadSpread: {
    label: "Load spread",
    help: "0 means every volunteer does the same share; towards 1 means a few carry the load.",
  },
  waiting: { label: "Waiting now", help: "Requests still without an accepted intro, and how long they have waited." },
  longestWait: { label: "Longest wait", help: "The request that has waited longest without an accepted intro." },
  feedback: { label: "Feedback", help: "Average rating out of 5 people gave each other after their chats, counted when given." },
  recruiting: { label: "Recruiting list", help: "Topics members ask for that the volunteers who can take chats cannot cover." },
  roundsIn: { label: "In the next round", help: "Members who opted in with “Pair me with peers” or rounds join, and aren't skipping." },
  roundsSkipping: {
    label: "Skipping the next round",
    help: "Members who typed rounds skip, or were set aside after leaving two check-ins unanswered.",
  },
  meetRate: {
    label: "Meet rate, last round",
    help: "Groups that said they met, out of the groups the last round formed; a group that hasn't answered counts as not met yet.",
  },
  postOn: {
    label: "Weekly post",
    help: "On when a program channel is set and “weekly post every” is 1 or more weeks.",
  },
  postChannel: {
    label: "Program channel",
    help: "Where the post goes: the channel's id on Slack or Discord. Percolate must be in the channel and allowed to post.",
  },
  postCadence: {
    label: "How often",
    help: "Each post covers the weeks since the one before; “weekly post every”, its weekday and hour are on the Settings page.",
  },
  postNext: { label: "Next post", help: "When the next post goes out, in the community's time zone." },
  postLastFailure: {
    label: "Last post that couldn't go out",
    help: "Add Percolate to the program channel and let it post there; it tries again for a day after each post's time.",
  },
  responsiveness: { label: "Responsiveness", help: "How the volunteer answered their intros: accepted, declined, or let expire." },
};
