/** The employer's space: notices, their vacancies with candidates, posting and editing. */
import { useState } from 'preact/hooks';
import { api, data } from '../api/client';
import { useLoad } from '../ui/useLoad';
import { Candidates } from './Candidates';
import { EditVacancy } from './EditVacancy';
import { Notices } from './Notices';
import { PostVacancy } from './PostVacancy';
import { type ListedVacancy, VacancyList } from './VacancyList';

export function EmployerHome() {
  const vacancies = useLoad(
    () => data(api.GET('/v1/employers/me/vacancies', { params: { query: { limit: 50 } } })),
    [],
  );
  const [shown, setShown] = useState<{ id: string; title: string }>();
  const [editing, setEditing] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [round, setRound] = useState(0);
  const refresh = () => {
    vacancies.reload();
    setRound((n) => n + 1);
  };
  const open = (vacancy: { id: string; title: string }) => {
    setShown(vacancy);
    requestAnimationFrame(() => document.getElementById('candidates-title')?.scrollIntoView());
  };
  return (
    <main id="main">
      <h1>Espace employeur</h1>
      <Notices
        onNews={refresh}
        onOpen={(id) => {
          const vacancy = vacancies.data?.items.find((v) => v.id === id);
          open({ id, title: vacancy?.title ?? '' });
        }}
      />
      {message && (
        <p class="status" aria-live="polite">
          {message}
        </p>
      )}
      <VacancyList
        vacancies={vacancies}
        onCandidates={(vacancy: ListedVacancy) => open(vacancy)}
        onEdit={(vacancy) => setEditing(vacancy.id)}
        onChanged={(text) => {
          setMessage(text);
          refresh();
        }}
      />
      {shown && <Candidates vacancyId={shown.id} title={shown.title} refresh={round} />}
      {editing && (
        <EditVacancy
          key={editing}
          id={editing}
          onDone={() => {
            setEditing(undefined);
            refresh();
          }}
        />
      )}
      <PostVacancy
        onPosted={() => {
          refresh();
          // Candidates are matched from the stream a moment after posting: count them again.
          setTimeout(refresh, 4000);
        }}
      />
    </main>
  );
}
