import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorView, PageTitle } from '../components/Status.tsx';
import { useLang } from '../lib/format.ts';
import { useSession } from '../lib/session.tsx';

export function SignInPage() {
  const { t } = useLang();
  const { user, signIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  if (user) return <Navigate to={target} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
      navigate(target, { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="signin">
      <PageTitle>{t('signin.title')}</PageTitle>
      <form onSubmit={(e) => void submit(e)} className="card form" aria-describedby="signin-hint">
        <label>
          {t('signin.username')}
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </label>
        <label>
          {t('signin.password')}
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error !== null && <ErrorView error={error} />}
        <button type="submit" className="primary" disabled={busy}>
          {t('signin.submit')}
        </button>
        <p id="signin-hint" className="note">
          {t('signin.hint')}
        </p>
      </form>
    </div>
  );
}
