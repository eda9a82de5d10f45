import type { Command, CommandKind } from "./types.js";

/**
 * What someone from another workspace (a Slack Connect guest) may do in this community:
 * read the help, and ask to be forgotten should anything about them be stored here. Anything
 * else would enrol them, show them members (suggestions, intros) or act for them here.
 */
export const GUEST_COMMANDS: ReadonlySet<CommandKind> = new Set<CommandKind>(["help", "forget_me"]);

/** May a guest run this command here? */
export const guestMay = (c: Command): boolean => GUEST_COMMANDS.has(c.kind);
