/** Fork an act (a law or a draft) into a new draft, then open it in the editor. */
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { actSummarySchema } from '../api/schemas.ts';
import { useLang } from '../lib/format.ts';
import { ErrorView } from './Status.tsx';

export function ForkForm({ actId, version }: { actId: string; version?: number }) {
  const { t } = useLang();
  const navigate = useNavigate();
  const [id, setId] = useState(`${actId}-draft`);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { data } = await api(`/api/acts/${actId}/fork`, actSummarySchema, { method: 'POST', body: { id, ...(version ? { version } : {}) } });
      navigate(`/acts/${data.id}/edit`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="fork" onSubmit={(e) => void submit(e)}>
      <label>
        {t('acts.forkId')}
        <input name="fork-id" value={id} onChange={(e) => setId(e.target.value)} pattern="[a-z0-9][a-z0-9-]*" required aria-describedby={`fork-hint-${actId}`} />
      </label>
      <small id={`fork-hint-${actId}`}>{t('acts.forkIdHint')}</small>
      <button type="submit" disabled={busy}>
        {t('acts.forkSubmit')}
      </button>
      {error !== null && <ErrorView error={error} />}
    </form>
  );
}
