import type { Chat, ChatRequest, Feedback, Intro, Nudge } from "../core/domain/index.js";
import type { ChatFilter, FeedbackFilter, IntroFilter, NudgeFilter, RequestFilter } from "../core/ports/index.js";

/** The filter semantics every Store implementation shares; the contract suite pins them. */
export const matchesRequest = (r: ChatRequest, f: RequestFilter): boolean =>
  (f.seekerId === undefined || r.seekerId === f.seekerId) && (f.status === undefined || f.status.includes(r.status));

export const matchesIntro = (i: Intro, f: IntroFilter): boolean =>
  (f.requestId === undefined || i.requestId === f.requestId) &&
  (f.volunteerId === undefined || i.volunteerId === f.volunteerId) &&
  (f.volunteerIds === undefined || f.volunteerIds.includes(i.volunteerId)) &&
  (f.seekerId === undefined || i.seekerId === f.seekerId) &&
  (f.status === undefined || f.status.includes(i.status)) &&
  (f.deadlineBefore === undefined || i.deadline <= f.deadlineBefore);

export const matchesChat = (c: Chat, f: ChatFilter): boolean =>
  (f.memberId === undefined || c.seekerId === f.memberId || c.volunteerId === f.memberId) &&
  (f.memberIds === undefined || f.memberIds.includes(c.seekerId) || f.memberIds.includes(c.volunteerId)) &&
  (f.requestId === undefined || c.requestId === f.requestId) &&
  (f.status === undefined || f.status.includes(c.status)) &&
  (f.createdSince === undefined || c.createdAt >= f.createdSince);

export const matchesNudge = (n: Nudge, f: NudgeFilter): boolean =>
  (f.refId === undefined || n.refId === f.refId) &&
  (f.to === undefined || n.to.includes(f.to)) &&
  (f.kinds === undefined || f.kinds.includes(n.kind)) &&
  (f.status === undefined || f.status.includes(n.status));

export const matchesFeedback = (x: Feedback, f: FeedbackFilter): boolean =>
  (f.aboutId === undefined || x.aboutId === f.aboutId) &&
  (f.aboutIds === undefined || f.aboutIds.includes(x.aboutId)) &&
  (f.chatId === undefined || x.chatId === f.chatId) &&
  (f.fromId === undefined || x.fromId === f.fromId);
