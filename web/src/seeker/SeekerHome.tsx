/** The seeker's space: offers first when there is a profile, the profile form, messages, their data. */
import { useState } from 'preact/hooks';
import { api, data, fieldErrors, messageOf } from '../api/client';
import { phoneForPeople } from '../format';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { Inbox } from './Inbox';
import { MatchList } from './MatchList';
import { MyData } from './MyData';
import { ProfileForm } from './ProfileForm';
import { emptyProfile, formOfProfile, profileBody, profileFormErrors } from './profile-form-state';

export function SeekerHome(props: { onErased: () => void }) {
  // Whether a profile exists is asked first, so a new seeker's page makes no failing request.
  const profile = useLoad(async () => {
    const me = await data(api.GET('/v1/me', {}));
    return me.profile === null ? null : await data(api.GET('/v1/seekers/me', {}));
  }, []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [version, setVersion] = useState<number>();
  const [round, setRound] = useState(0);
  if (profile.data === undefined) return <Status loading={profile.loading} error={profile.error} />;
  const current = version ?? profile.data?.version;
  return (
    <main id="main">
      <h1>Mon espace</h1>
      {current !== undefined && <MatchList refresh={round} />}
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{current === undefined ? 'Créer mon profil' : 'Mon profil'}</h2>
        {current === undefined && (
          <p>
            Dites ce que vous savez faire, où vous habitez et jusqu’où vous pouvez aller : Bassin vous propose
            les offres qui correspondent.
          </p>
        )}
        <ProfileForm
          initial={profile.data ? formOfProfile(profile.data, phoneForPeople) : emptyProfile()}
          errors={errors}
          busy={busy}
          isNew={current === undefined}
          onSubmit={async (form) => {
            const found = profileFormErrors(form);
            setErrors(found);
            setMessage(Object.keys(found).length ? 'Vérifiez les champs signalés.' : undefined);
            if (Object.keys(found).length) return;
            setBusy(true);
            try {
              const saved = await data(
                api.PUT('/v1/seekers/me', {
                  body: profileBody(form),
                  params: { header: current === undefined ? {} : { 'if-match': `"${current}"` } },
                }),
              );
              setVersion(saved.version);
              setMessage('Profil enregistré. Les offres qui vous correspondent arrivent dans un instant.');
              setRound((n) => n + 1);
              setTimeout(() => setRound((n) => n + 1), 3000);
            } catch (error) {
              setErrors(fieldErrors(error));
              setMessage(
                (error as { problem?: { status: number } }).problem?.status === 412
                  ? 'Votre profil a été modifié ailleurs : rechargez la page.'
                  : messageOf(error),
              );
            } finally {
              setBusy(false);
            }
          }}
        />
        {message && (
          <p class="status" aria-live="polite">
            {message}
          </p>
        )}
      </section>
      {current !== undefined && <Inbox refresh={round} />}
      {current !== undefined && <MyData onErased={props.onErased} />}
    </main>
  );
}
