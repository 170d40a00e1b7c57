/** "Inès a accepté votre offre…": the employer's notices, checked on arrival and every 20 seconds. */
import { useEffect } from 'preact/hooks';
import { api, data } from '../api/client';
import { useLoad } from '../ui/useLoad';
import { contactInWords } from './contact';

export function Notices(props: { onOpen: (vacancyId: string) => void; onNews: () => void }) {
  const notices = useLoad(
    () => data(api.GET('/v1/employers/me/notifications', { params: { query: { limit: 10 } } })),
    [],
  );
  useEffect(() => {
    const timer = setInterval(() => notices.reload(), 20_000);
    return () => clearInterval(timer);
  }, []);
  const unread = notices.data?.items.filter((notice) => notice.unread) ?? [];
  useEffect(() => {
    if (unread.length) props.onNews();
  }, [unread.length]);
  if (unread.length === 0) return null;
  return (
    <section class="notices" aria-labelledby="notices-title" aria-live="polite">
      <h2 id="notices-title">
        {unread.length === 1 ? 'Nouvelle réponse' : `${unread.length} nouvelles réponses`}
      </h2>
      <ul>
        {unread.map((notice) => (
          <li key={`${notice.matchId}-${notice.at}`}>
            <p>{notice.text}</p>
            {notice.candidate && (
              <p>
                <strong>Contact : {contactInWords(notice.candidate)}</strong>
              </p>
            )}
            <button type="button" class="secondary" onClick={() => props.onOpen(notice.vacancyId)}>
              Voir les candidats de cette offre
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={async () => {
          await data(api.POST('/v1/employers/me/notifications/seen', {}));
          notices.reload();
        }}
      >
        Marquer comme lu
      </button>
    </section>
  );
}
