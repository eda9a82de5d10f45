import { describe, expect, it } from "vitest";
import { deepScrub, FORMER_MEMBER, stringScrubber } from "../../../src/core/use-cases/shared/scrub.js";

const ids = { oldId: "shell:local:vera2", newId: "shell:local:forgotten:fgt_1" };
const fix = stringScrubber({ ...ids, name: "Vera Smith", placeholderName: FORMER_MEMBER });

describe("forget-me's rewrite", () => {
  it("replaces her name and its parts as whole words, case-insensitively, in free text", () => {
    expect(fix("Vera Smith")).toBe(FORMER_MEMBER);
    expect(fix("thanks vera, and SMITH too; Veranda stays")).toBe(`thanks ${FORMER_MEMBER}, and ${FORMER_MEMBER} too; Veranda stays`);
  });

  it("never rewrites another member's id, a tag or an enum, only her exact id", () => {
    const record = {
      id: "chat_1",
      seekerId: "shell:local:vera",
      volunteerId: ids.oldId,
      tried: ["shell:local:vera", ids.oldId],
      tags: ["vera"],
      status: "happened",
      note: "Vera was kind",
      when: new Date(0),
      nested: { other: { id: ids.oldId, name: "Vera Smith", timeZone: "UTC" } },
    };
    expect(deepScrub(record, fix, ids)).toEqual({
      id: "chat_1",
      seekerId: "shell:local:vera",
      volunteerId: ids.newId,
      tried: ["shell:local:vera", ids.newId],
      tags: ["vera"],
      status: "happened",
      note: `${FORMER_MEMBER} was kind`,
      when: new Date(0),
      nested: { other: { id: ids.newId, name: FORMER_MEMBER, timeZone: "UTC" } },
    });
  });

  it("replaces the bare platform user id only as a whole token", () => {
    const slack = stringScrubber({ oldId: "slack:T1:U0ZELDA77", newId: "p", name: "Zed", placeholderName: FORMER_MEMBER });
    expect(slack("ping <@U0ZELDA77> and U0ZELDA778")).toBe("ping <@former-member> and U0ZELDA778");
  });
});
