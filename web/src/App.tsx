/** The routes. A signed-out visitor is sent to the sign-in page and back where they were going. */
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { Loading, PageTitle } from './components/Status.tsx';
import { useLang } from './lib/format.ts';
import { SessionProvider, useSession } from './lib/session.tsx';
import { ActsPage } from './pages/Acts.tsx';
import { ActPage } from './pages/Act.tsx';
import { HistoryPage } from './pages/History.tsx';
import { HomePage } from './pages/Home.tsx';
import { LetterPage } from './pages/Letter.tsx';
import { PersonPage } from './pages/Person.tsx';
import { PersonsPage } from './pages/Persons.tsx';
import { ImportPage, RegistriesPage } from './pages/Registries.tsx';
import { SignInPage } from './pages/SignIn.tsx';

// The pages with charts and the code editor load their code when first opened.
const EditorPage = lazy(() => import('./pages/Editor.tsx').then((m) => ({ default: m.EditorPage })));
const ImpactPage = lazy(() => import('./pages/Impact.tsx').then((m) => ({ default: m.ImpactPage })));
const ComparePage = lazy(() => import('./pages/Compare.tsx').then((m) => ({ default: m.ComparePage })));

function Private({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <Loading />;
  if (user === null) return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

function NotFound() {
  const { t } = useLang();
  return <PageTitle>{t('common.notFound')}</PageTitle>;
}

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Layout>
          <Routes>
            <Route path="/signin" element={<SignInPage />} />
            <Route path="/" element={<Private><HomePage /></Private>} />
            <Route path="/registries" element={<Private><RegistriesPage /></Private>} />
            <Route path="/registries/imports/:id" element={<Private><ImportPage /></Private>} />
            <Route path="/acts" element={<Private><ActsPage /></Private>} />
            <Route path="/acts/:id" element={<Private><ActPage /></Private>} />
            <Route path="/acts/:id/edit" element={<Private><EditorPage /></Private>} />
            <Route path="/acts/:id/history" element={<Private><HistoryPage /></Private>} />
            <Route path="/impact" element={<Private><ImpactPage /></Private>} />
            <Route path="/impact/:id" element={<Private><ImpactPage /></Private>} />
            <Route path="/compare" element={<Private><ComparePage /></Private>} />
            <Route path="/persons" element={<Private><PersonsPage /></Private>} />
            <Route path="/persons/:id" element={<Private><PersonPage /></Private>} />
            <Route path="/letter" element={<Private><LetterPage /></Private>} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Layout>
      </BrowserRouter>
    </SessionProvider>
  );
}
