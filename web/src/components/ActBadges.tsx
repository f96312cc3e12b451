import type { ActSummary } from '../api/schemas.ts';
import { useLang } from '../lib/format.ts';

export function ActBadges({ act }: { act: Pick<ActSummary, 'status' | 'unverified'> }) {
  const { t } = useLang();
  return (
    <span className="badges">
      <span className={`badge status-${act.status}`}>{t(`acts.status.${act.status}`)}</span>
      {act.unverified > 0 ? (
        <span className="badge doubt" title={t('lit.doubts')}>
          {t('acts.unverified', { n: act.unverified })}
        </span>
      ) : (
        <span className="badge ok">{t('acts.allVerified')}</span>
      )}
    </span>
  );
}
