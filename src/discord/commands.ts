import type { REST } from "discord.js";
import {
  ApplicationCommandOptionType as T,
  InteractionContextType,
  Routes,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";

type Opt = APIApplicationCommandBasicOption;
const str = (name: string, description: string, extra: { required?: boolean; autocomplete?: boolean; max_length?: number } = {}): Opt =>
  ({ type: T.String, name, description, ...extra }) as Opt;
const int = (name: string, description: string, min: number, max: number, required = false): Opt => ({
  type: T.Integer,
  name,
  description,
  min_value: min,
  max_value: max,
  required,
});
const user = (name: string, description: string): Opt => ({ type: T.User, name, description, required: true });
const bool = (name: string, description: string): Opt => ({ type: T.Boolean, name, description });

/** The subcommands of /coffee, mirroring the shell's words; options typed where Discord can check them. */
export const SUBCOMMANDS: { name: string; description: string; options?: Opt[] }[] = [
  {
    name: "help",
    description: "What Percolate does and every command",
    options: [str("topic", "A command to explain: what it does, its options, examples", { autocomplete: true })],
  },
  // Discord allows 25 subcommands and /coffee has them all, so the topic list (`tags` elsewhere) is an option here.
  {
    name: "status",
    description: "Your profile, requests and chats; the topics people volunteer for (topics:True)",
    options: [
      bool("topics", "Show the topics people here volunteer for, with counts"),
      {
        type: T.String,
        name: "celebrate",
        description: "May the weekly post name you after you meet someone?",
        choices: ["yes", "no"].map((v) => ({ name: v, value: v })),
      },
    ],
  },
  {
    name: "profile",
    description: "What you're exploring (leave empty for a form)",
    options: [
      str("interests", "Topics you're exploring, comma-separated", { autocomplete: true }),
      str("learn", "What you want to learn", { max_length: 500 }),
    ],
  },
  {
    name: "volunteer",
    description: "Offer coffee chats on topics you know (leave empty for a form)",
    options: [
      str("tags", "Topics you can talk about, comma-separated", { autocomplete: true }),
      int("capacity", "Chats per month", 1, 20),
      str("formats", "video, in_person, phone (comma-separated)"),
      str("link", "Your meeting link"),
      str("bio", "A line about you", { max_length: 500 }),
    ],
  },
  {
    name: "availability",
    description: "When you're free each week, and your time zone (leave empty for a form)",
    options: [
      str("times", "e.g. mon-fri 9-12; sat 10-12"),
      str("zone", "Your time zone, e.g. Europe/Berlin", { autocomplete: true }),
      str("off", "Days off, e.g. tomorrow, friday, 2027-01-15"),
    ],
  },
  {
    name: "request",
    description: "Ask for a coffee chat (leave empty for a form)",
    options: [
      str("tags", "Topics, comma-separated", { autocomplete: true }),
      str("goals", "What you want to learn", { max_length: 500 }),
      bool("renew", "Put your expired request back on the list instead"),
    ],
  },
  {
    name: "choose",
    description: "Choose a suggested volunteer",
    options: [str("pick", "A suggestion number, a volunteer's name, or auto", { required: true })],
  },
  { name: "accept", description: "Accept an intro waiting for you", options: [str("name", "Whose intro, when several wait")] },
  {
    name: "decline",
    description: "Decline an intro waiting for you",
    options: [str("name", "Whose intro, when several wait"), str("reason", "Optional: why (the seeker isn't told)")],
  },
  {
    name: "pick",
    description: "Pick one of the proposed times",
    options: [int("slot", "The time's number", 1, 10, true), str("with", "Whose chat, when several wait for a time")],
  },
  { name: "happened", description: "Your chat happened" },
  { name: "noshow", description: "Your chat didn't happen" },
  { name: "reschedule", description: "Find new times for your chat" },
  {
    name: "cancel",
    description: "Cancel your open chat or request (a booked chat asks first)",
    options: [str("with", "Whose chat, when you have several"), bool("confirm", "Yes: cancel the booked chat now")],
  },
  {
    name: "pause",
    description: "Pause intros until a date",
    options: [str("until", "+2w, +1mo, friday or 2027-01-15", { required: true })],
  },
  { name: "resume", description: "Get intros again" },
  {
    name: "leave",
    description: "Stop coffee chats entirely",
    options: [bool("confirm", "Yes: leave now, calling off chats not yet held")],
  },
  { name: "block", description: "Never be matched with a member", options: [user("member", "Who")] },
  { name: "unblock", description: "Undo a block: you can be matched with them again", options: [user("member", "Who")] },
  { name: "refer", description: "Suggest someone else the seeker should talk to", options: [user("member", "Who")] },
  {
    name: "feedback",
    description: "Rate your last chat (private)",
    options: [int("rating", "1 to 5", 1, 5, true), str("note", "Optional note", { max_length: 500 })],
  },
  {
    name: "thanks",
    description: "Send your thank-you note to the volunteer of your last chat",
    options: [str("note", "Your note, passed on word for word", { required: true, max_length: 1500 })],
  },
  {
    name: "forget-me",
    description: "Leave and erase what Percolate knows about you here (asks first)",
    options: [bool("confirm", "Yes: erase everything now")],
  },
  {
    name: "rounds",
    description: "Peer rounds: join, book your group's time, skip the next round, leave, or say whether you met",
    options: [
      {
        type: T.String,
        name: "op",
        description: "What to do",
        required: true,
        choices: ["join", "skip", "leave", "met", "missed", "pick"].map((v) => ({ name: v, value: v })),
      },
      int("time", "With pick: which of your group's times to book (1-3)", 1, 10),
      str("group", "With join: your team or cohort", { max_length: 80 }),
    ],
  },
];

const choices = (name: string, description: string, values: string[], required = false): Opt => ({
  type: T.String,
  name,
  description,
  required,
  choices: values.map((v) => ({ name: v, value: v })),
});

/** `/coffee admin …`: for Manage Server holders and added admins (the core checks). */
export const ADMIN_SUBCOMMANDS: { name: string; description: string; options?: Opt[] }[] = [
  {
    name: "settings",
    description: "Change the main settings in a form; or list them (show:true), or set one (key: value:)",
    options: [
      str("key", "Setting, e.g. chatMinutes"),
      str("value", "New value"),
      { type: T.Boolean, name: "show", description: "List every setting instead of opening the form" },
    ],
  },
  {
    name: "tags",
    description: "List topics and aliases; alias, unalias, rename or merge tags",
    options: [
      choices("op", "What to do", ["list", "alias", "unalias", "rename", "merge"], true),
      str("from", "The tag to change (or the alias to remove)", { autocomplete: true }),
      str("to", "The tag it becomes", { autocomplete: true }),
    ],
  },
  { name: "stats", description: "How the programme is doing", options: [choices("period", "Period", ["30d", "12w", "6m", "1y", "all"])] },
  {
    name: "export",
    description: "Export the community's data as CSV",
    options: [{ type: T.Boolean, name: "notes", description: "Include private feedback notes" }],
  },
  { name: "add", description: "Make a member an admin", options: [user("member", "Who")] },
  { name: "remove", description: "Remove an added admin", options: [user("member", "Who")] },
  { name: "match", description: "Match the waiting queue now" },
  { name: "queue", description: "Every waiting request: who, topics, how long, and why" },
  { name: "dashboard", description: "A private one-time link to the community's web dashboard" },
  {
    name: "rounds",
    description: "Peer rounds: next round, who is in, last round's meet rate; or run one now",
    options: [choices("op", "Leave empty to see the rounds", ["run"])],
  },
  {
    name: "post",
    description: "Preview the weekly program post; or post it in the program channel now",
    options: [choices("op", "Leave empty to preview", ["now"])],
  },
];

/** The one /coffee command, as Discord's registration body. Guild-only: every answer belongs to a community. */
export function coffeeCommand(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    name: "coffee",
    description: "Coffee chats: learn from someone who works in a field you're exploring",
    contexts: [InteractionContextType.Guild],
    options: [
      ...SUBCOMMANDS.map((s) => ({
        type: T.Subcommand as const,
        name: s.name,
        description: s.description,
        ...(s.options ? { options: s.options } : {}),
      })),
      {
        type: T.SubcommandGroup,
        name: "admin",
        description: "Community admin: settings, tags, stats, export, admins, matching, dashboard",
        options: ADMIN_SUBCOMMANDS.map((s) => ({
          type: T.Subcommand as const,
          name: s.name,
          description: s.description,
          ...(s.options ? { options: s.options } : {}),
        })),
      },
    ],
  };
}

/**
 * Registers /coffee for one guild (instant, for development) or globally (may take up to an
 * hour to reach every server). Replaces whatever was registered before; safe to repeat.
 */
export async function registerCommands(rest: REST, applicationId: string, guildId?: string): Promise<{ scope: string; count: number }> {
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const out = (await rest.put(route, { body: [coffeeCommand()] })) as unknown[];
  return { scope: guildId ? `guild ${guildId}` : "global", count: out.length };
}
