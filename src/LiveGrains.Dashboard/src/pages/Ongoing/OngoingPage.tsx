import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, App as AntApp, Button, Input, Select, Segmented, Skeleton, Space, Tooltip } from 'antd';
import { ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../api/client';
import type { CreatorType, LiveCard, OngoingLives, OngoingQuery, OngoingSort, OngoingStatusFilter } from '../../api/types';
import { useApp } from '../../components/AppContext';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { MetricPicker } from '../../components/MetricPicker';
import { useNow } from '../../components/useNow';
import { useLiveFeed } from '../../live/useLiveFeed';
import { formatTime, plural } from '../../format';
import { applyChanges } from './ongoingCards';
import { LiveCardView } from './LiveCardView';

const statusOptions: { value: OngoingStatusFilter; label: string }[] = [
  { value: 'all', label: 'All LIVEs' },
  { value: 'in_violation', label: 'LIVEs in Violation' },
  { value: 'need_attention', label: 'Need Attention' },
];

const sortOptions: { value: OngoingSort; label: string }[] = [
  { value: 'latest', label: 'Latest' },
  { value: 'earliest', label: 'Earliest' },
  { value: 'affiliate_gmv_asc', label: 'Affiliate GMV: lowest to highest' },
  { value: 'affiliate_gmv_desc', label: 'Affiliate GMV: highest to lowest' },
];

function readQuery(search: URLSearchParams): OngoingQuery {
  const status = search.get('status') as OngoingStatusFilter | null;
  const sort = search.get('sort') as OngoingSort | null;
  const type = search.get('creatorType');
  return {
    status: status && statusOptions.some((o) => o.value === status) ? status : 'all',
    sort: sort && sortOptions.some((o) => o.value === sort) ? sort : 'latest',
    creator: search.get('creator') ?? '',
    creatorType: type === 'seller' || type === 'affiliate' ? type : '',
  };
}

export function OngoingPage() {
  const { agencyId, catalog } = useApp();
  const { message } = AntApp.useApp();
  const [search, setSearch] = useSearchParams();
  const query = useMemo(() => readQuery(search), [search]);
  const [page, setPage] = useState<OngoingLives | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [refreshKey, setRefreshKey] = useState(0);
  const [creatorDraft, setCreatorDraft] = useState(query.creator);
  const [pinBusy, setPinBusy] = useState<string | null>(null);
  const [pinMessage, setPinMessage] = useState<string | null>(null);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [pickerError, setPickerError] = useState<string | null>(null);
  const now = useNow(1000);

  const setParam = useCallback((changes: Partial<Record<keyof OngoingQuery, string>>) => {
    setSearch((current) => {
      const next = new URLSearchParams(current);
      for (const [k, v] of Object.entries(changes)) {
        if (!v || (k === 'status' && v === 'all') || (k === 'sort' && v === 'latest')) next.delete(k);
        else next.set(k, v);
      }
      return next;
    });
  }, [setSearch]);

  useEffect(() => setCreatorDraft(query.creator), [query.creator]);

  // Typing a name filters as you type, but the URL (and a request) follows only once typing pauses.
  useEffect(() => {
    if (creatorDraft === query.creator) return undefined;
    const timer = window.setTimeout(() => setParam({ creator: creatorDraft.trim() }), 350);
    return () => window.clearTimeout(timer);
  }, [creatorDraft, query.creator, setParam]);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const result = await api.ongoing(agencyId, query);
      setPage(result);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [agencyId, query]);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  const isDefaultQuery = query.status === 'all' && !query.creator && !query.creatorType && query.sort === 'latest';
  const feedState = useLiveFeed('agency', agencyId, {
    // The hub's snapshot is the unfiltered page; it is only usable as is when no filter is on.
    onSnapshot: (snapshot) => (isDefaultQuery ? setPage(snapshot) : void load()),
    onDelta: (change) => setPage((current) => {
      if (!current) return current;
      const next = applyChanges(current, change, query);
      const known = new Set(current.cards.map((c) => c.liveId));
      const started = change.changed.filter((c) => c.status === 'live' && !known.has(c.liveId)).length;
      // Counts of the whole agency, not of the filtered page: a new LIVE raises it whether or not it is shown.
      return { ...next, totalOngoing: Math.max(0, current.totalOngoing + (isDefaultQuery ? started : 0) - change.ended.filter((id) => known.has(id)).length) };
    }),
  });

  // Without the live feed the page would freeze; poll instead until the feed is back.
  useEffect(() => {
    if (feedState === 'live') return undefined;
    const timer = window.setInterval(() => void load(), 10_000);
    return () => window.clearInterval(timer);
  }, [feedState, load]);

  const togglePin = async (card: LiveCard) => {
    setPinBusy(card.liveId);
    setPinMessage(null);
    try {
      if (card.pinned) await api.unpin(agencyId, card.liveId);
      else await api.pin(agencyId, card.liveId);
      message.success(card.pinned ? `Unpinned ${card.creatorName}` : `Pinned ${card.creatorName}`);
      await load();
    } catch (e) {
      setPinMessage(e instanceof ApiError ? e.message : String(e));
    } finally {
      setPinBusy(null);
    }
  };

  const saveCardMetrics = async (keys: string[]) => {
    setSaving(true);
    setPickerError(null);
    try {
      const current = await api.preferences(agencyId);
      await api.savePreferences(agencyId, { ...current, cardMetrics: keys });
      setPickerOpen(false);
      message.success('Card metrics saved');
      await load();
    } catch (e) {
      setPickerError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  const filtered = !isDefaultQuery && (query.status !== 'all' || !!query.creator || !!query.creatorType);

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Ongoing LIVEs</h1>
          <p className="page-sub">
            {page ? (
              <>
                <strong data-testid="total-ongoing">{page.totalOngoing}</strong> on air now · {plural(page.boundCreators, 'bound creator')} · updated {formatTime(page.asOf)}
              </>
            ) : 'Every LIVE of your creators that is on air now.'}
          </p>
        </div>
        <Space>
          <Button icon={<SettingOutlined />} onClick={() => setPickerOpen(true)} disabled={!page}>Customise metrics</Button>
          <Tooltip title="Refresh the list of ongoing LIVEs">
            <Button type="primary" icon={<ReloadOutlined />} onClick={() => setRefreshKey((k) => k + 1)} loading={loading && !!page} data-testid="refresh">
              Refresh
            </Button>
          </Tooltip>
        </Space>
      </div>

      <div className="filters" role="search" aria-label="Filter ongoing LIVEs">
        <div className="filter">
          <span className="filter-label" id="status-label">LIVE status</span>
          <Segmented
            aria-labelledby="status-label"
            value={query.status}
            options={statusOptions}
            onChange={(v) => setParam({ status: v as string })}
            data-testid="status-filter"
          />
        </div>
        <label className="filter">
          <span className="filter-label">Creator name</span>
          <Input.Search
            allowClear
            placeholder="Search creator"
            value={creatorDraft}
            onChange={(e) => setCreatorDraft(e.target.value)}
            onSearch={(v) => setParam({ creator: v.trim() })}
            style={{ width: 220 }}
            aria-label="Creator name"
          />
        </label>
        <label className="filter">
          <span className="filter-label">Creator type</span>
          <Select
            aria-label="Creator type"
            value={query.creatorType}
            style={{ width: 150 }}
            options={[{ value: '', label: 'All types' }, { value: 'seller', label: 'Sellers' }, { value: 'affiliate', label: 'Affiliates' }]}
            onChange={(v: CreatorType | '') => setParam({ creatorType: v })}
          />
        </label>
        <label className="filter">
          <span className="filter-label">Sort by</span>
          <Select aria-label="Sort by" value={query.sort} style={{ width: 260 }} options={sortOptions} onChange={(v) => setParam({ sort: v })} />
        </label>
      </div>

      {pinMessage && (
        <Alert type="warning" showIcon closable message={pinMessage} onClose={() => setPinMessage(null)} className="page-alert" data-testid="pin-message" role="alert" />
      )}

      {error && !page ? (
        <ErrorState error={error} onRetry={() => setRefreshKey((k) => k + 1)} />
      ) : !page ? (
        <div className="card-grid">{Array.from({ length: 6 }, (_, i) => <div key={i} className="live-card skeleton-card"><Skeleton active avatar paragraph={{ rows: 6 }} /></div>)}</div>
      ) : page.boundCreators === 0 ? (
        <EmptyState testId="empty-no-creators" title="You do not have any bound sellers or creators">
          LIVE cards appear here when sellers or creators bound to your agency go live. Bind creators to your agency
          first; their LIVEs will then show up on this page as soon as they start.
        </EmptyState>
      ) : page.cards.length === 0 && page.totalOngoing === 0 ? (
        <EmptyState testId="empty-no-ongoing" title="No ongoing LIVEs right now">
          None of your {plural(page.boundCreators, 'bound seller or creator', 'bound sellers or creators')} is live at the moment. This page updates by itself:
          a card appears as soon as one of them starts a LIVE. Completed LIVEs are under All LIVEs.
        </EmptyState>
      ) : page.cards.length === 0 ? (
        <EmptyState
          testId="empty-no-match"
          title="No ongoing LIVE matches these filters"
          action={filtered && <Button onClick={() => setSearch(new URLSearchParams({ agency: agencyId }))}>Clear filters</Button>}
        >
          {plural(page.totalOngoing, 'LIVE is', 'LIVEs are')} on air, but none matches the status, creator or type you chose.
        </EmptyState>
      ) : (
        <div className="card-grid" data-testid="card-grid">
          {page.cards.map((card) => (
            <LiveCardView
              key={card.liveId}
              card={card}
              metricKeys={page.cardMetrics}
              now={now}
              pinBusy={pinBusy === card.liveId}
              onTogglePin={togglePin}
            />
          ))}
        </div>
      )}

      <MetricPicker
        open={pickerOpen}
        title="Customise metrics shown on each LIVE card"
        selected={page?.cardMetrics ?? []}
        max={catalog.maxChosenMetrics}
        saving={saving}
        error={pickerError}
        onSave={saveCardMetrics}
        onCancel={() => setPickerOpen(false)}
      />
    </div>
  );
}
