/** Runs a load whenever its key changes; keeps the last answer, the loading state and the error in words. */
import { useEffect, useState } from 'preact/hooks';
import { messageOf } from '../api/client';

export interface Loaded<T> {
  data?: T;
  error?: string;
  loading: boolean;
  reload: () => void;
}

export function useLoad<T>(load: (() => Promise<T>) | undefined, key: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: !!load });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!load) return;
    let live = true;
    setState((previous) => ({ ...previous, loading: true, error: undefined }));
    load()
      .then((data) => live && setState({ data, loading: false }))
      .catch((error) => live && setState({ error: messageOf(error), loading: false }));
    return () => {
      live = false;
    };
  }, [...key, round]);
  return { ...state, reload: () => setRound((n) => n + 1) };
}
