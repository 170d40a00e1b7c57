/**
 * In-app notices for employers: "a candidate accepted", with the candidate's first name and
 * the contact they chose. A notice is derived from the match by the stream (never written by
 * the seeker's request), and it shows what the match says now: a candidate who took their
 * answer back, or erased their account, is shown as such, never from a copy; the first name
 * and contact come from the profile (sharedContact).
 */
import type { Language } from '../messages/language';
import { noticeText } from '../messages/notices';
import type { EmployerNoticeStore, MatchStore } from '../ports/matching';
import type { PageRequest, SeekerStore } from '../ports/store';
import type { Match } from './match';
import { pageOrExplain } from './paging';
import { sharedContact } from './shared-contact';

export interface EmployerNoticeDeps {
  notices: EmployerNoticeStore;
  matches: Pick<MatchStore, 'get'>;
  seekers: Pick<SeekerStore, 'get'>;
}

/** A match changed: an acceptance becomes a notice for the vacancy's owner (once per answer). */
export async function noticeAcceptance(deps: Pick<EmployerNoticeDeps, 'notices'>, match: Match) {
  if (match.status !== 'active' || match.response !== 'accepted' || !match.respondedAt) return false;
  await deps.notices.add(match.employerId, {
    matchId: match.id,
    vacancyId: match.vacancyId,
    vacancyTitle: match.vacancy.title,
    at: match.respondedAt,
  });
  return true;
}

export async function listEmployerNotices(
  deps: EmployerNoticeDeps,
  employerId: string,
  page: PageRequest,
  language: Language,
) {
  const [found, seenUntil] = await Promise.all([
    pageOrExplain(() => deps.notices.page(employerId, page)),
    deps.notices.seenUntil(employerId),
  ]);
  const items = await Promise.all(
    found.items.map(async (notice) => {
      const match = await deps.matches.get(notice.matchId);
      const current =
        match && match.employerId === employerId && match.status === 'active' && match.response === 'accepted'
          ? match
          : undefined;
      const contact = current ? sharedContact(await deps.seekers.get(current.seekerId)) : undefined;
      return {
        ...notice,
        unread: !seenUntil || notice.at > seenUntil,
        candidate: contact ?? null,
        text: noticeText(current ? 'employer.accepted' : 'employer.answerWithdrawn', language, {
          title: notice.vacancyTitle,
          name: contact?.firstName ?? '',
        }),
      };
    }),
  );
  return {
    items,
    unread: items.filter((item) => item.unread).length,
    ...(found.nextCursor ? { nextCursor: found.nextCursor } : {}),
  };
}

export const markEmployerNoticesSeen = (
  deps: Pick<EmployerNoticeDeps, 'notices'>,
  employerId: string,
  at: string,
) => deps.notices.markSeen(employerId, at);
