import type { MemberResolver } from "../core/commands/index.js";

/** A Slack workspace is a community: `slack:T024BE7LD`. */
export const communityOf = (teamId: string): string => `slack:${teamId}`;

/** A person in a workspace: `slack:T024BE7LD:U0G9QF9C6`. */
export const memberOf = (teamId: string, userId: string): string => `slack:${teamId}:${userId}`;

/** The workspace and user behind a member id, or null when the id is not a Slack one. */
export function userOf(memberId: string): { teamId: string; userId: string } | null {
  const m = /^slack:([A-Z0-9]+):([A-Z0-9]+)$/i.exec(memberId);
  return m?.[1] && m[2] ? { teamId: m[1], userId: m[2] } : null;
}

/**
 * Resolves what people type for a member in `/coffee block @sam`: Slack sends an escaped
 * mention (`<@U123|sam>`, or `<@U123>`) when the command escapes users, as the manifest asks.
 * A bare user id (`U123`) is accepted too; a plain name is not, since it is ambiguous.
 */
export function mentionResolver(teamId: string): MemberResolver {
  return (word) => {
    const m = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(word.trim()) ?? /^([UW][A-Z0-9]{6,})$/.exec(word.trim());
    return m?.[1] ? memberOf(teamId, m[1]) : null;
  };
}
