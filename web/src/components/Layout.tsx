/** The frame of every page: skip link, the menu the role may use, the language switch, the user. */
import { useEffect, type ReactNode } from 'react';
import { NavLink, useLocation, useNavigate } from 'react-router';
import { LANGS, type Lang } from '../i18n/catalogue.ts';
import { setLanguage } from '../i18n/index.ts';
import { useLang } from '../lib/format.ts';
import { useSession, type Permission } from '../lib/session.tsx';
import type { MessageKey } from '../i18n/catalogue.ts';

const MENU: { to: string; key: MessageKey; permission: Permission; end?: boolean }[] = [
  { to: '/', key: 'nav.home', permission: 'session', end: true },
  { to: '/registries', key: 'nav.registries', permission: 'registries.read' },
  { to: '/acts', key: 'nav.acts', permission: 'acts.read' },
  { to: '/impact', key: 'nav.impact', permission: 'aggregates.read' },
  { to: '/compare', key: 'nav.compare', permission: 'aggregates.read' },
  { to: '/persons', key: 'nav.persons', permission: 'persons.read' },
  { to: '/letter', key: 'nav.letter', permission: 'aggregates.read' },
];

export function LanguageSwitch() {
  const { t, lang } = useLang();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((l: Lang) => (
        <button key={l} type="button" lang={l} aria-pressed={l === lang} onClick={() => setLanguage(l)} data-lang={l}>
          {t(`lang.${l}`)}
        </button>
      ))}
    </div>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useLang();
  const { user, can, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();

  // A new page: its title goes to the tab and the keyboard focus to its heading.
  useEffect(() => {
    const id = window.setTimeout(() => {
      const h = document.getElementById('page-title');
      if (h) {
        document.title = `${h.textContent ?? ''} — Amnestia`;
        if (location.key !== 'default') h.focus({ preventScroll: false });
      }
    }, 50);
    return () => window.clearTimeout(id);
  }, [location.pathname, location.key]);

  return (
    <div className="app">
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            A
          </span>
          <span>
            <strong>{t('app.name')}</strong>
            <small>{t('app.tagline')}</small>
          </span>
        </div>
        {user && (
          <nav aria-label={t('nav.main')} className="menu">
            <ul>
              {MENU.filter((m) => can(m.permission)).map((m) => (
                <li key={m.to}>
                  <NavLink to={m.to} end={m.end ?? false}>
                    {t(m.key)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="top-right">
          <LanguageSwitch />
          {user && (
            <div className="user">
              <span data-testid="user">{t('nav.signedInAs', { user: user.username, role: t(`role.${user.role}`) })}</span>
              <button
                type="button"
                onClick={() => {
                  void signOut().then(() => navigate('/signin'));
                }}
              >
                {t('nav.signOut')}
              </button>
            </div>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
