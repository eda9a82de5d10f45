/**
 * A request body Slack sent, read into what it is, or `unsupported` with the reason: nothing
 * downstream is handed a shape it would have to guess at (vercel/chat's webhook parse).
 */
export type SlackInbound =
  | { kind: "ssl_check" }
  | { kind: "command"; command: string; teamId: string; userId: string }
  | { kind: "interactive"; type: string }
  | { kind: "event"; type: string }
  | { kind: "unsupported"; reason: string };

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x);
const str = (x: unknown): x is string => typeof x === "string" && x.length > 0;
const bad = (reason: string): SlackInbound => ({ kind: "unsupported", reason });

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** An interaction payload (`payload=` JSON): its type, and the fields Percolate reads for that type. */
function interactive(p: unknown): SlackInbound {
  if (!isObj(p) || !str(p.type)) return bad("interaction payload is not an object with a type");
  const user = p.user;
  switch (p.type) {
    case "block_actions": {
      if (!isObj(user) || !str(user.id)) return bad("block_actions without user.id");
      if (!Array.isArray(p.actions) || p.actions.length === 0 || !p.actions.every((a) => isObj(a) && str(a.action_id)))
        return bad("block_actions without actions");
      return { kind: "interactive", type: p.type };
    }
    case "view_submission":
    case "view_closed": {
      if (!isObj(user) || !str(user.id)) return bad(`${p.type} without user.id`);
      const view = p.view;
      if (!isObj(view) || !str(view.callback_id) || !isObj(view.state) || !isObj(view.state.values))
        return bad(`${p.type} without a view and its values`);
      return { kind: "interactive", type: p.type };
    }
    default:
      return isObj(user) && str(user.id) ? { kind: "interactive", type: p.type } : bad(`${p.type} without user.id`);
  }
}

/** An Events API body: a callback needs a team and an event with its type. */
function event(b: unknown): SlackInbound {
  if (!isObj(b) || !str(b.type)) return bad("event body is not an object with a type");
  if (b.type === "url_verification") return str(b.challenge) ? { kind: "event", type: b.type } : bad("url_verification without challenge");
  if (b.type !== "event_callback") return { kind: "event", type: b.type };
  if (!str(b.team_id)) return bad("event_callback without team_id");
  if (!isObj(b.event) || !str(b.event.type)) return bad("event_callback without an event type");
  // Bolt's own middleware reads the event's user: present, it is an id or an object.
  if ("user" in b.event && !str(b.event.user) && !isObj(b.event.user)) return bad("event with an unreadable user");
  return { kind: "event", type: b.event.type };
}

/** A slash command's fields, from a form (HTTP) or an object (Socket Mode). */
function command(o: Obj): SlackInbound {
  const { command: name, team_id: teamId, user_id: userId } = o;
  if (!str(name) || !str(teamId) || !str(userId)) return bad("slash command without command, team_id or user_id");
  if (typeof o.text !== "string" || !str(o.response_url) || !str(o.trigger_id))
    return bad("slash command without text, response_url or trigger_id");
  return { kind: "command", command: name, teamId, userId };
}

/** Reads one request body by its content type (the HTTP receiver). Never throws. */
export function parseSlackBody(contentType: string | undefined, raw: string): SlackInbound {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded") {
    const form = new URLSearchParams(raw);
    if (form.get("ssl_check") === "1") return { kind: "ssl_check" };
    const payload = form.get("payload");
    if (payload !== null) return interactive(json(payload));
    return command(Object.fromEntries(form));
  }
  if (type === "application/json") return event(json(raw));
  return bad(`content type ${type || "missing"}`);
}

/** Reads a body that arrived already parsed (a Socket Mode envelope's payload). Never throws. */
export function parseSlackObject(body: unknown): SlackInbound {
  if (!isObj(body)) return bad("payload is not an object");
  if ("command" in body) return command(body);
  if (body.type === "event_callback" || body.type === "url_verification" || body.type === "app_rate_limited") return event(body);
  return interactive(body);
}
