import { blockAction, buttonsIn, slashCommand, type FoundButton } from "../fakes/slack/payloads.js";
import type { FakeSlack, Sent, Tamper } from "../fakes/slack/server.js";
import type { FakeMessage, FakeUser } from "../fakes/slack/web-api.js";

/**
 * How a test acts as people on the fake Slack against a running adapter: each send waits for
 * the work after its ack to finish, and what people read is found where Slack would show it.
 */
export function slackDriver(fake: FakeSlack, adapter: { idle(): Promise<void> }) {
  /** Sends and waits for the work after the ack to finish. */
  const settle = async (sent: Promise<Sent>): Promise<Sent> => {
    const r = await sent;
    await adapter.idle();
    return r;
  };
  const lastResponse = () => fake.responses[fake.responses.length - 1]?.body ?? {};
  const messagesTo = (u: FakeUser): FakeMessage[] => {
    const dm = [...fake.state.channels.values()].find((c) => c.members.length === 1 && c.members[0] === u.id);
    return dm ? fake.state.messagesIn(dm.id) : [];
  };
  return {
    settle,
    lastResponse,
    messagesTo,
    slash: (u: FakeUser, text: string, tamper?: Tamper) => settle(fake.send("slash_commands", { ...slashCommand(fake, u, text) }, tamper)),
    /** Clicks the button whose label contains `label` in a posted message (or in the last ephemeral answer). */
    click: (u: FakeUser, label: string, message?: FakeMessage) => {
      const blocks = message ? message.blocks : lastResponse().blocks;
      const b: FoundButton | undefined = buttonsIn(blocks).find((x) => x.label.includes(label));
      if (!b) throw new Error(`no button "${label}" in ${JSON.stringify(buttonsIn(blocks).map((x) => x.label))}`);
      return settle(fake.send("interactive", { ...blockAction(fake, u, b, message) }));
    },
  };
}
