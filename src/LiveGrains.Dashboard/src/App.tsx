import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { Layout, Menu, Select, Spin } from 'antd';
import { BarChartOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { api } from './api/client';
import type { DevAgency, MetricCatalog } from './api/types';
import { AppContext, type AppContextValue } from './components/AppContext';
import { ConnectionBadge } from './components/ConnectionBadge';
import { ErrorState } from './components/ErrorState';
import { liveFeed } from './live/useLiveFeed';
import { OngoingPage } from './pages/Ongoing/OngoingPage';
import { LiveDashboardPage } from './pages/LiveDashboard/LiveDashboardPage';
import { AllLivesPage } from './pages/AllLives/AllLivesPage';

const fallbackAgencies: DevAgency[] = [
  { agencyId: 'agency-1', name: 'agency-1' },
  { agencyId: 'agency-2', name: 'agency-2' },
  { agencyId: 'agency-3', name: 'agency-3' },
];

export function App() {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const agencyId = search.get('agency') || 'agency-1';
  const [agencies, setAgencies] = useState<DevAgency[]>(fallbackAgencies);
  const [catalog, setCatalog] = useState<MetricCatalog | null>(null);
  const [signedInAs, setSignedInAs] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    api.devAgencies().then(setAgencies, () => undefined);
  }, []);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    // There is no real login yet: embedded mode's development sign-in sets the token cookie for the chosen
    // agency, which the API calls and the hub negotiation then carry.
    api.signIn(agencyId)
      .catch(() => undefined)
      .then(() => api.catalog())
      .then((c) => {
        if (cancelled) return;
        setCatalog(c);
        setSignedInAs(agencyId);
        liveFeed.restart();
      }, (e) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [agencyId, attempt]);

  const metricIndex = useMemo(() => new Map(catalog?.metrics.map((m) => [m.key, m]) ?? []), [catalog]);
  const metric = useCallback((key: string) => metricIndex.get(key), [metricIndex]);
  const context: AppContextValue | null = useMemo(
    () => (catalog ? { agencyId, catalog, metric } : null),
    [agencyId, catalog, metric],
  );

  const section = location.pathname.startsWith('/all-lives') ? 'all-lives' : 'ongoing';
  const agencyQuery = `?agency=${encodeURIComponent(agencyId)}`;
  const agencyOptions = agencies.some((a) => a.agencyId === agencyId) ? agencies : [...agencies, { agencyId, name: agencyId }];

  return (
    <Layout className="app-shell">
      <Layout.Header className="app-header">
        <Link to={`/ongoing${agencyQuery}`} className="brand" aria-label="LiveGrains home">
          <span className="brand-mark" aria-hidden>▶</span>
          <span className="brand-name">LiveGrains</span>
          <span className="brand-sub">LIVE Analytics</span>
        </Link>
        <Menu
          mode="horizontal"
          selectedKeys={[section]}
          className="app-menu"
          items={[
            { key: 'ongoing', icon: <VideoCameraOutlined />, label: <Link to={`/ongoing${agencyQuery}`}>Ongoing LIVEs</Link> },
            { key: 'all-lives', icon: <BarChartOutlined />, label: <Link to={`/all-lives${agencyQuery}`}>All LIVEs</Link> },
          ]}
        />
        <div className="header-right">
          <ConnectionBadge />
          <label className="agency-switch">
            <span className="agency-switch-label">Agency</span>
            <Select
              aria-label="Agency"
              value={agencyId}
              style={{ width: 210 }}
              options={agencyOptions.map((a) => ({ value: a.agencyId, label: a.name }))}
              onChange={(value) => navigate(`/ongoing?agency=${encodeURIComponent(value)}`)}
              data-testid="agency-select"
            />
          </label>
        </div>
      </Layout.Header>
      <Layout.Content className="app-content">
        {error ? (
          <ErrorState error={error} onRetry={() => setAttempt((a) => a + 1)} />
        ) : !context || signedInAs !== agencyId ? (
          <div className="page-loading"><Spin size="large" tip="Loading…"><div /></Spin></div>
        ) : (
          <AppContext.Provider value={context}>
            <Routes>
              <Route path="/" element={<Navigate to={`/ongoing${location.search || agencyQuery}`} replace />} />
              <Route path="/app/*" element={<Navigate to={`/ongoing${location.search || agencyQuery}`} replace />} />
              <Route path="/ongoing" element={<OngoingPage key={agencyId} />} />
              <Route path="/lives/:liveId" element={<LiveDashboardPage />} />
              <Route path="/all-lives" element={<AllLivesPage key={agencyId} />} />
              <Route path="*" element={<Navigate to={`/ongoing${agencyQuery}`} replace />} />
            </Routes>
          </AppContext.Provider>
        )}
      </Layout.Content>
    </Layout>
  );
}
