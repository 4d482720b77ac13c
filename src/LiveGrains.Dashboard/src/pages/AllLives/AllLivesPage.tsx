import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { App as AntApp, Button, Card, DatePicker, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType, SorterResult, SortOrder, TablePaginationConfig } from 'antd/es/table/interface';
import { DownloadOutlined, FileExcelOutlined, RightOutlined, SettingOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import type { CreatorProfile, HistoryQuery, HistorySort, LiveSummary, Page } from '../../api/types';
import { useApp } from '../../components/AppContext';
import { CreatorAvatar } from '../../components/CreatorAvatar';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { MetricLabel } from '../../components/MetricLabel';
import { MetricPicker } from '../../components/MetricPicker';
import { formatDateTime, formatMetric } from '../../format';

const sorts: HistorySort[] = ['started_desc', 'started_asc', 'metric_desc', 'metric_asc'];
// The creator picker shows the first matches by name; typing narrows them on the server, so an agency with thousands
// of creators never ships them all to the browser.
const CREATOR_OPTIONS = 50;

function readQuery(search: URLSearchParams): HistoryQuery {
  const sort = search.get('sort') as HistorySort | null;
  return {
    creatorId: search.get('creator') || undefined,
    from: search.get('from') || undefined,
    to: search.get('to') || undefined,
    sort: sort && sorts.includes(sort) ? sort : 'started_desc',
    sortMetric: search.get('sortMetric') || undefined,
    page: Math.max(1, Number(search.get('page')) || 1),
    pageSize: [10, 20, 50].includes(Number(search.get('pageSize'))) ? Number(search.get('pageSize')) : 10,
  };
}

export function AllLivesPage() {
  const { agencyId, catalog, metric } = useApp();
  const { message } = AntApp.useApp();
  const [search, setSearch] = useSearchParams();
  const query = useMemo(() => readQuery(search), [search]);
  const [creators, setCreators] = useState<CreatorProfile[]>([]);
  const [creatorSearch, setCreatorSearch] = useState('');
  const [listMetrics, setListMetrics] = useState<string[] | null>(null);
  const [page, setPage] = useState<Page<LiveSummary> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [pickerError, setPickerError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const update = useCallback((changes: Record<string, string | undefined>, resetPage = true) => {
    setSearch((current) => {
      const next = new URLSearchParams(current);
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      if (resetPage && !('page' in changes)) next.delete('page');
      return next;
    });
  }, [setSearch]);

  useEffect(() => {
    const timer = window.setTimeout(() => api.creators(agencyId, creatorSearch || undefined, 1, CREATOR_OPTIONS).then((p) => setCreators(p.items), () => undefined), 250);
    return () => window.clearTimeout(timer);
  }, [agencyId, creatorSearch]);

  useEffect(() => {
    api.preferences(agencyId).then((p) => setListMetrics(p.listMetrics), setError);
  }, [agencyId]);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    api.history(agencyId, query).then(
      (result) => {
        if (cancelled) return;
        setPage(result);
        setError(null);
      },
      (e) => !cancelled && setError(e),
    ).finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [agencyId, query, attempt]);

  const saveListMetrics = async (keys: string[]) => {
    setSaving(true);
    setPickerError(null);
    try {
      const current = await api.preferences(agencyId);
      const saved = await api.savePreferences(agencyId, { ...current, listMetrics: keys });
      setListMetrics(saved.listMetrics);
      setPickerOpen(false);
      message.success('List metrics saved');
    } catch (e) {
      setPickerError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  const sortOrderOf = (key: string): SortOrder => {
    if (key === 'startedAt') return query.sort === 'started_asc' ? 'ascend' : query.sort === 'started_desc' && !query.sortMetric ? 'descend' : null;
    if (query.sortMetric !== key) return null;
    return query.sort === 'metric_asc' ? 'ascend' : query.sort === 'metric_desc' ? 'descend' : null;
  };

  const columns: ColumnsType<LiveSummary> = [
    {
      title: 'LIVE',
      key: 'live',
      fixed: 'left',
      width: 260,
      render: (_, row) => (
        <span className="live-cell">
          <CreatorAvatar name={row.creatorName} url={null} size={32} />
          <span>
            <span className="live-cell-name">{row.creatorName}</span>
            <span className="live-cell-title" title={row.title}>{row.title}</span>
          </span>
        </span>
      ),
    },
    {
      title: 'Started',
      key: 'startedAt',
      dataIndex: 'startedAt',
      width: 130,
      sorter: true,
      sortOrder: sortOrderOf('startedAt'),
      render: (v: string, row) => (
        <span>{formatDateTime(v)}{row.status === 'suspended' && <Tag color="error" style={{ marginLeft: 6 }}>Suspended</Tag>}</span>
      ),
    },
    ...(listMetrics ?? []).map((key) => ({
      title: <MetricLabel metricKey={key} />,
      key,
      align: 'right' as const,
      width: 140,
      sorter: true,
      sortOrder: sortOrderOf(key),
      render: (_: unknown, row: LiveSummary) => formatMetric(metric(key), row.metrics[key], row.currency),
    })),
    {
      title: 'Action',
      key: 'action',
      fixed: 'right',
      width: 150,
      render: (_, row) => (
        <Link to={`/lives/${encodeURIComponent(row.liveId)}?agency=${encodeURIComponent(agencyId)}`} data-testid="row-dashboard-link">
          LIVE dashboard <RightOutlined />
        </Link>
      ),
    },
  ];

  const onTableChange = (pagination: TablePaginationConfig, _filters: unknown, sorter: SorterResult<LiveSummary> | SorterResult<LiveSummary>[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.columnKey as string | undefined;
    const changes: Record<string, string | undefined> = {
      page: pagination.current && pagination.current > 1 ? String(pagination.current) : undefined,
      pageSize: pagination.pageSize && pagination.pageSize !== 10 ? String(pagination.pageSize) : undefined,
    };
    if (!s?.order || !key) {
      changes.sort = undefined;
      changes.sortMetric = undefined;
    } else if (key === 'startedAt') {
      changes.sort = s.order === 'ascend' ? 'started_asc' : undefined;
      changes.sortMetric = undefined;
    } else {
      changes.sort = s.order === 'ascend' ? 'metric_asc' : 'metric_desc';
      changes.sortMetric = key;
    }
    const sortChanged = (changes.sort ?? null) !== search.get('sort') || (changes.sortMetric ?? null) !== search.get('sortMetric');
    if (sortChanged) changes.page = undefined;
    update(changes, false);
  };

  const range: [Dayjs, Dayjs] | null = query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null;
  const filtersOn = !!(query.creatorId || query.from || query.to);
  const exportQuery = { creatorId: query.creatorId, from: query.from, to: query.to };
  const selectedCreator = creators.find((c) => c.creatorId === query.creatorId);

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>All LIVEs</h1>
          <p className="page-sub">Completed LIVEs of your sellers and creators, with the metrics you choose.</p>
        </div>
        <Space>
          <Button icon={<SettingOutlined />} onClick={() => setPickerOpen(true)} disabled={!listMetrics}>Customise metrics</Button>
          <Button type="primary" icon={<DownloadOutlined />} href={api.exportUrl(agencyId, 'csv', exportQuery)} download data-testid="export-csv">
            Export all LIVE data
          </Button>
          <Button icon={<FileExcelOutlined />} href={api.exportUrl(agencyId, 'xlsx', exportQuery)} download aria-label="Export all LIVE data as Excel" data-testid="export-xlsx">
            Excel
          </Button>
        </Space>
      </div>

      <div className="filters" role="search" aria-label="Filter completed LIVEs">
        <label className="filter">
          <span className="filter-label">Creator</span>
          <Select
            showSearch
            allowClear
            aria-label="Creator"
            placeholder="All creators — search or select"
            style={{ width: 280 }}
            value={query.creatorId ?? null}
            filterOption={false}
            onSearch={setCreatorSearch}
            onChange={(v: string | undefined) => {
              setCreatorSearch('');
              update({ creator: v ?? undefined });
            }}
            options={[
              ...(query.creatorId && !selectedCreator ? [{ value: query.creatorId, label: query.creatorId }] : []),
              ...creators.map((c) => ({
                value: c.creatorId,
                label: (
                  <span className="creator-option">
                    <CreatorAvatar name={c.name} url={c.avatarUrl} size={20} /> {c.name}
                    <span className="muted"> · {c.creatorType === 'seller' ? 'Seller' : 'Affiliate'}</span>
                  </span>
                ),
              })),
            ]}
            notFoundContent="No creator matches"
            data-testid="creator-select"
          />
        </label>
        <label className="filter">
          <span className="filter-label">Start date</span>
          <DatePicker.RangePicker
            aria-label="Start date range"
            value={range}
            allowEmpty={[true, true]}
            onChange={(dates) => update({
              from: dates?.[0] ? dates[0].startOf('day').toISOString() : undefined,
              to: dates?.[1] ? dates[1].endOf('day').toISOString() : undefined,
            })}
          />
        </label>
      </div>

      {error && !page ? (
        <ErrorState error={error} onRetry={() => setAttempt((a) => a + 1)} />
      ) : page && page.total === 0 && !loading ? (
        filtersOn ? (
          <EmptyState
            testId="empty-no-match"
            title={selectedCreator ? `${selectedCreator.name} has no completed LIVEs in this period` : 'No completed LIVEs match these filters'}
            action={<Button onClick={() => update({ creator: undefined, from: undefined, to: undefined })}>Show all LIVEs</Button>}
          >
            Try another creator or a wider date range.
          </EmptyState>
        ) : (
          <EmptyState testId="empty-no-history" title="No historical LIVEs yet">
            This list shows LIVEs that have ended. It is empty because none of your sellers or creators has completed
            a LIVE yet; ongoing LIVEs are on the Ongoing LIVEs page, and each appears here once it ends.
          </EmptyState>
        )
      ) : (
        <Card className="section-card table-card" bordered={false}>
          <Table<LiveSummary>
            rowKey="liveId"
            loading={loading || !listMetrics}
            dataSource={page?.items ?? []}
            columns={columns}
            onChange={onTableChange}
            showSorterTooltip={false}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: page?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50],
              showTotal: (total, [a, b]) => `${a}–${b} of ${total} LIVEs`,
            }}
            data-testid="lives-table"
          />
        </Card>
      )}

      <MetricPicker
        open={pickerOpen}
        title="Customise metrics shown for all LIVEs"
        selected={listMetrics ?? []}
        max={catalog.maxChosenMetrics}
        saving={saving}
        error={pickerError}
        onSave={saveListMetrics}
        onCancel={() => setPickerOpen(false)}
      />
    </div>
  );
}
