import { type Fields, SYNTAX, syntaxOf } from "../core/commands/index.js";
import type { TextStyle } from "./style.js";
import { argFormOf } from "./syntax.js";

/** What one command does, a line per argument, and two examples (as named values). */
export interface CommandHelp {
  does: string;
  args: Readonly<Record<string, string>>;
  examples: readonly [Fields, Fields];
}

const none = {} as const;

/**
 * Help for every command in the syntax table (a test checks each has an entry, a meaning for
 * each argument and two examples). Examples are values, rendered in each surface's syntax.
 */
export const COMMAND_HELP: Readonly<Record<string, CommandHelp>> = {
  help: {
    does: "Lists every command, or explains one: what it does, its options and examples.",
    args: { topic: "The command to explain, e.g. availability or admin tags." },
    examples: [{}, { topic: "request" }],
  },
  status: {
    does: "Shows your profile, free times, requests and chats.",
    args: {
      topics: "Shows the topics people here volunteer for instead.",
      celebrate: "yes or no: may the weekly post name you (Discord's celebrate).",
    },
    examples: [{}, { topics: true }],
  },
  tags: {
    does: "Lists the topics people here volunteer for, with how many volunteers and open asks each has.",
    args: none,
    examples: [{}, {}],
  },
  profile: {
    does: "Says what you're exploring, so volunteers know what you're curious about.",
    args: { interests: "Topics you're exploring, comma-separated.", learn: "What you want to learn, in your own words." },
    examples: [{ interests: "ux research" }, { interests: "data science, python", learn: "How analysts move into ML" }],
  },
  volunteer: {
    does: "Offers coffee chats on topics you know; `off` stops volunteering.",
    args: {
      tags: "Topics you can talk about, comma-separated (or off).",
      capacity: "Chats per month you can give (0 pauses new intros; default 2).",
      formats: "How you like to meet: video, phone, in_person.",
      link: "Your meeting link, starting with https://.",
      bio: "A line about you that seekers see.",
    },
    examples: [
      { tags: "product design, ux" },
      { tags: "python", capacity: "3", formats: "video,phone", link: "https://meet.example.org/you" },
    ],
  },
  availability: {
    does: "Sets when you're free each week and your time zone; chats are proposed in these times. It replaces your weekly times; start with add or remove to change only some, or off <days> for days away (off clear removes them).",
    args: {
      times: "Days and hours (24-hour clock), several separated by ; (22-2 runs past midnight).",
      zone: "Your time zone as Area/City, or a city like Berlin.",
      off: "Days off, comma-separated: tomorrow, a weekday like friday, or a date like 2027-01-15.",
    },
    examples: [
      { times: "mon-fri 9-12; sat 10-12", zone: "Europe/Berlin" },
      { times: "add tue,thu 17-19", off: "friday" },
    ],
  },
  request: {
    does: "Asks for a coffee chat: I suggest volunteers who know the topics.",
    args: {
      tags: "The topics, comma-separated.",
      goals: "What you want to learn (1–3 goals).",
      renew: "Put your expired request back on the list instead (Discord).",
    },
    examples: [
      { tags: "ux research", goals: "how to start" },
      { tags: "data engineering", goals: "what a first year looks like" },
    ],
  },
  choose: {
    does: "Chooses one of the volunteers I suggested, or lets me pick.",
    args: { pick: "The suggestion's number, the volunteer's name, or auto.", for: "Words of the request, when several wait." },
    examples: [{ pick: "1" }, { pick: "auto" }],
  },
  accept: {
    does: "Says yes to an intro waiting for you.",
    args: { name: "Whose intro, when several wait." },
    examples: [{}, { name: "Sam" }],
  },
  decline: {
    does: "Says no to an intro waiting for you; the seeker isn't told why.",
    args: { name: "Whose intro, when several wait.", reason: "Why, for us only." },
    examples: [{}, { name: "Sam", reason: "busy this month" }],
  },
  pick: {
    does: "Picks one of the times I proposed for your chat.",
    args: { slot: "The time's number.", with: "Whose chat, when several wait for a time." },
    examples: [{ slot: "1" }, { slot: "2", with: "Sam" }],
  },
  happened: { does: "Tells me your chat happened.", args: none, examples: [{}, {}] },
  noshow: { does: "Tells me your chat didn't happen.", args: none, examples: [{}, {}] },
  reschedule: { does: "Finds new times for your chat.", args: none, examples: [{}, {}] },
  cancel: {
    does: "Cancels your open chat or request; a booked chat asks first.",
    args: { with: "Whose chat, when you have several.", confirm: "Yes: cancel the booked chat now." },
    examples: [{}, { with: "Sam", confirm: true }],
  },
  pause: {
    does: "Pauses intros until a day; your chats already booked stay.",
    args: { until: "A span like +3d, +2w or +1mo, tomorrow, a weekday like friday, or a date like 2027-01-15." },
    examples: [{ until: "+2w" }, { until: "2027-01-15" }],
  },
  resume: { does: "Gets intros again after a pause or after leaving.", args: none, examples: [{}, {}] },
  leave: {
    does: "Stops coffee chats entirely; chats not yet held are called off (it asks first).",
    args: { confirm: "Yes: leave now." },
    examples: [{}, { confirm: true }],
  },
  block: { does: "Never be matched with a member.", args: { member: "Who." }, examples: [{ member: "@sam" }, { member: "@pia" }] },
  unblock: { does: "Undoes a block.", args: { member: "Who." }, examples: [{ member: "@sam" }, { member: "@pia" }] },
  refer: {
    does: "After a chat, suggests someone else the seeker should talk to.",
    args: { member: "Who." },
    examples: [{ member: "@sam" }, { member: "@pia" }],
  },
  feedback: {
    does: "Rates your last chat; it stays private.",
    args: { rating: "1 (poor) to 5 (great).", note: "Anything else, for us only." },
    examples: [{ rating: "5" }, { rating: "4", note: "really helpful" }],
  },
  thanks: {
    does: "Sends your thank-you note to the volunteer of your last chat, word for word.",
    args: { note: "Your note." },
    examples: [{ note: "Your advice on portfolios helped a lot" }, { note: "Thanks for your time!" }],
  },
  "forget-me": {
    does: "Leaves and erases what I know about you here (it asks first).",
    args: { confirm: "Yes: erase everything now." },
    examples: [{}, { confirm: true }],
  },
  renew: { does: "Puts your expired request back on the list.", args: none, examples: [{}, {}] },
  rounds: {
    does: "Peer rounds: join to be paired with a peer each round (a trio when the count is odd), book one of your group's times, skip the next round, leave, or say whether you met.",
    args: {
      op: 'join, pick (book one of your group\'s times), skip (the next round only), leave, met or missed (your answer to "did you meet?").',
      time: "With pick: the number of the time in your group's peer-round message, e.g. 2. Anyone in the group can pick; picking again moves the time.",
      group: "With join: your team or cohort, e.g. group design (rounds can prefer pairing different groups).",
    },
    examples: [{ op: "join" }, { op: "pick", time: "2" }],
  },
  celebrate: {
    does: "Says whether the program channel's weekly post may name you after you meet someone; you're only named when everyone you met says yes too.",
    args: { celebrate: "yes or no." },
    examples: [{ celebrate: "yes" }, { celebrate: "no" }],
  },
  offer: {
    does: "Volunteers for one more topic (the weekly post's I can help with this), keeping your other topics and settings.",
    args: { tags: "The topic, e.g. ux-research." },
    examples: [{ tags: "ux-research" }, { tags: "go" }],
  },
  "admin settings": {
    does: "Admins: lists the community's settings, or changes one.",
    args: { key: "The setting, e.g. chatMinutes.", value: "Its new value.", show: "List every setting (Discord)." },
    examples: [{ show: true }, { key: "chatMinutes", value: "45" }],
  },
  "admin tags": {
    does: "Admins: lists every topic with its people and aliases; maps, unmaps, renames or merges topics.",
    args: {
      op: "list (the default), alias (a word means a topic), unalias (undo an alias), rename or merge.",
      from: "The topic or alias to change.",
      to: "The topic it becomes.",
    },
    examples: [{ op: "list" }, { op: "alias", from: "ml", to: "machine-learning" }],
  },
  "admin stats": {
    does: "Admins: how the programme is doing.",
    args: { period: "30d, 12w, 6m, 1y or all." },
    examples: [{}, { period: "12w" }],
  },
  "admin export": {
    does: "Admins: exports the community's data as CSV.",
    args: { notes: "Include private feedback notes.", path: "The folder to write to (shell)." },
    examples: [{}, { notes: true }],
  },
  "admin add": { does: "Admins: makes a member an admin.", args: { member: "Who." }, examples: [{ member: "@sam" }, { member: "@pia" }] },
  "admin remove": { does: "Admins: removes an added admin.", args: { member: "Who." }, examples: [{ member: "@sam" }, { member: "@pia" }] },
  "admin match": { does: "Admins: matches the waiting queue now.", args: none, examples: [{}, {}] },
  "admin queue": { does: "Admins: every waiting request, how long it waits and why.", args: none, examples: [{}, {}] },
  "admin rounds": {
    does: "Admins: the next peer round, who is in and who skips, the last round's groups and meet rate; run: one round now.",
    args: { op: "run: run a round now, whatever the schedule." },
    examples: [{}, { op: "run" }],
  },
  "admin post": {
    does: "Admins: previews the weekly program post privately, with where and when it goes; now: posts it in the program channel now.",
    args: { op: "now: post it now (the weekly schedule is unchanged)." },
    examples: [{}, { op: "now" }],
  },
  "admin dashboard": {
    does: "Admins: a private one-time link to the community's web dashboard (funnel, queue, volunteers, chats, settings).",
    args: none,
    examples: [{}, {}],
  },
};

/** The topic people asked about as a table key: `?`, `/coffee availability`, `Admin Tags` all work. */
function topicKey(topic: string): string | undefined {
  const words = topic
    .trim()
    .replace(/^\/coffee\s+/i, "")
    .replace(/^(help|\?)\s+(?=\S)/i, "")
    .toLowerCase()
    .split(/\s+/);
  return syntaxOf(words.slice(0, 2).join(" "))?.key ?? syntaxOf(words[0] ?? "")?.key;
}

/**
 * The help a person asked for: everything without a topic; one command explained (what it
 * does, every option, two examples) for a known topic; for an unknown one, says so and lists
 * the commands.
 */
export function helpReply(topic: string | undefined, style: TextStyle): string {
  if (topic === undefined || topic.trim() === "") return style.help;
  if (/^\s*admin\s*$/i.test(topic))
    return [
      "Admin commands (for community admins):",
      ...SYNTAX.filter((s) => s.key.startsWith("admin ")).map((s) => `  ${style.usage(s.key)} — ${COMMAND_HELP[s.key]?.does ?? ""}`),
    ].join("\n");
  const key = topicKey(topic);
  const h = key ? COMMAND_HELP[key] : undefined;
  if (!key || !h) {
    const all = SYNTAX.map((s) => s.key).join(", ");
    return `I don't have help on "${style.user(topic.slice(0, 60))}". Ask about one of: ${all}. For example ${style.command("help", { topic: "availability" })}.`;
  }
  const s = syntaxOf(key);
  const options = (s?.args ?? [])
    .filter((a) => h.args[a.name] && (style.surface === "discord" ? a.discord !== false : a.text !== false))
    .map((a) => `  ${argFormOf(key, a.name, style.surface)} — ${h.args[a.name]}`);
  const examples = h.examples.map((f) => style.command(key, f)).filter((x, i, all) => all.indexOf(x) === i);
  return [
    `${style.usage(key)} — ${h.does}`,
    ...(options.length ? ["Options:", ...options] : []),
    `${examples.length > 1 ? "Examples" : "Example"}: ${examples.join(" · ")}`,
  ].join("\n");
}
