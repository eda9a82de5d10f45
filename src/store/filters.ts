import type { Chat, ChatRequest, Intro, Nudge } from "../core/domain/index.js";
import type { ChatFilter, IntroFilter, NudgeFilter, RequestFilter } from "../core/ports/index.js";

/** The filter semantics every Store implementation shares; the contract suite pins them. */
export const matchesRequest = (r: ChatRequest, f: RequestFilter): boolean =>
  (f.seekerId === undefined || r.seekerId === f.seekerId) && (f.status === undefined || f.status.includes(r.status));

export const matchesIntro = (i: Intro, f: IntroFilter): boolean =>
  (f.requestId === undefined || i.requestId === f.requestId) &&
  (f.volunteerId === undefined || i.volunteerId === f.volunteerId) &&
  (f.seekerId === undefined || i.seekerId === f.seekerId) &&
  (f.status === undefined || f.status.includes(i.status)) &&
  (f.deadlineBefore === undefined || i.deadline <= f.deadlineBefore);

export const matchesChat = (c: Chat, f: ChatFilter): boolean =>
  (f.memberId === undefined || c.seekerId === f.memberId || c.volunteerId === f.memberId) &&
  (f.requestId === undefined || c.requestId === f.requestId) &&
  (f.status === undefined || f.status.includes(c.status)) &&
  (f.createdSince === undefined || c.createdAt >= f.createdSince);

export const matchesNudge = (n: Nudge, f: NudgeFilter): boolean =>
  (f.refId === undefined || n.refId === f.refId) &&
  (f.to === undefined || n.to.includes(f.to)) &&
  (f.kinds === undefined || f.kinds.includes(n.kind)) &&
  (f.status === undefined || f.status.includes(n.status));
