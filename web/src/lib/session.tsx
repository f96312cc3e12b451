/**
 * The signed-in user, their permissions (from the server: the page only hides what the server would
 * refuse anyway) and the vocabularies (GET /api/meta).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, getJson, onSessionLost, setCsrfToken } from '../api/client.ts';
import { metaSchema, sessionSchema, type Meta, type SessionUser } from '../api/schemas.ts';
import { z } from 'zod';

export type Permission =
  | 'session'
  | 'users.manage'
  | 'audit.read'
  | 'registries.read'
  | 'registries.write'
  | 'acts.read'
  | 'acts.write'
  | 'evaluations.run'
  | 'aggregates.read'
  | 'what_if'
  | 'persons.read';

interface SessionState {
  /** undefined while the first GET /api/session is on its way. */
  user: SessionUser | null | undefined;
  meta: Meta | null;
  can: (p: Permission) => boolean;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [meta, setMeta] = useState<Meta | null>(null);

  useEffect(() => {
    onSessionLost(() => {
      setCsrfToken(null);
      setUser(null);
    });
    getJson('/api/session', sessionSchema).then(
      (s) => {
        setCsrfToken(s.csrf_token);
        setUser(s.user);
      },
      () => setUser(null),
    );
    return () => onSessionLost(null);
  }, []);

  useEffect(() => {
    if (!user) return;
    getJson('/api/meta', metaSchema).then(setMeta, () => setMeta(null));
  }, [user]);

  const signIn = useCallback(async (username: string, password: string) => {
    const { data } = await api('/api/session', sessionSchema, { method: 'POST', body: { username, password } });
    setCsrfToken(data.csrf_token);
    setUser(data.user);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api('/api/session', z.null(), { method: 'DELETE' });
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
    }
    setCsrfToken(null);
    setUser(null);
  }, []);

  const value = useMemo<SessionState>(
    () => ({ user, meta, can: (p) => !!user && user.permissions.includes(p), signIn, signOut }),
    [user, meta, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** Labels of vocabularies in the reader's language, with the code when the vocabulary lacks it. */
export function useVocabulary() {
  const { meta } = useSession();
  return useMemo(() => {
    const map = (list: { code: string; label: { kk: string; ru: string; en: string } }[] | undefined) => new Map((list ?? []).map((x) => [x.code, x.label]));
    return {
      facilities: map(meta?.facilities),
      regions: map(meta?.regions),
      measures: map(meta?.measures),
      custodies: map(meta?.custodies),
      gravities: map(meta?.gravities),
      sexes: map(meta?.sexes),
    };
  }, [meta]);
}
