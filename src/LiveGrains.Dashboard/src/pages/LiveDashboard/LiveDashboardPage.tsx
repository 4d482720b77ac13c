import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Button, Card, Col, Empty, Row, Skeleton, Table, Tabs, Tag, Tooltip } from 'antd';
import { ArrowLeftOutlined, ClockCircleOutlined, ExclamationCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../api/client';
import type { LiveDashboard, ProductStats, PromotionView, ViolationView } from '../../api/types';
import { useApp } from '../../components/AppContext';
import { CreatorAvatar } from '../../components/CreatorAvatar';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { MetricLabel } from '../../components/MetricLabel';
import { useNow } from '../../components/useNow';
import { useLiveFeed } from '../../live/useLiveFeed';
import { formatDateTime, formatDuration, formatMetric, formatMoney, formatTime, humanize, secondsBetween } from '../../format';
import { applyUpdate } from './liveDetail';
import { PerformanceTrends } from './PerformanceTrends';
import { ViewerProfile } from './ViewerProfile';

const defaultTrends = ['gmv', 'current_viewers', 'orders', 'engagement_rate'];
const tabs = ['products', 'promotions', 'violations'] as const;

export function LiveDashboardPage() {
  const { liveId = '' } = useParams();
  const { agencyId, catalog, metric } = useApp();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const [dashboard, setDashboard] = useState<LiveDashboard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notFound, setNotFound] = useState(false);
  const now = useNow(1000);

  const tab = (tabs as readonly string[]).includes(search.get('tab') ?? '') ? search.get('tab')! : 'products';
  const trendKeys = useMemo(() => {
    const keys = (search.get('trends') ?? '').split(',').filter((k) => catalog.metrics.some((m) => m.key === k && m.trendable));
    return keys.length ? keys : defaultTrends;
  }, [search, catalog]);
  const setParam = (key: string, value: string | null) => setSearch((current) => {
    const next = new URLSearchParams(current);
    if (value) next.set(key, value);
    else next.delete(key);
    return next;
  }, { replace: true });

  const load = useCallback(async () => {
    try {
      setDashboard(await api.live(liveId));
      setError(null);
      setNotFound(false);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setNotFound(true);
      else setError(e);
    }
  }, [liveId]);

  useEffect(() => {
    setDashboard(null);
    void load();
  }, [load]);

  const isLive = dashboard?.card.status === 'live';
  // Products, promotions and the viewer profile are not part of the pushed update, so they are re-read now and then.
  useEffect(() => {
    if (!isLive) return undefined;
    const timer = window.setInterval(() => void load(), 15_000);
    return () => window.clearInterval(timer);
  }, [isLive, load]);

  useLiveFeed('live', liveId || null, {
    onSnapshot: (snapshot) => snapshot && setDashboard(snapshot),
    onDelta: (update) => setDashboard((current) => (current ? applyUpdate(current, update) : current)),
  });

  const back = () => (window.history.length > 1 ? navigate(-1) : navigate(`/ongoing?agency=${encodeURIComponent(agencyId)}`));

  if (notFound) {
    return (
      <div className="page">
        <EmptyState testId="live-not-found" title="This LIVE was not found" action={<Link to={`/ongoing?agency=${agencyId}`}>Back to Ongoing LIVEs</Link>}>
          LIVE {liveId} is not on air and not in the history of completed LIVEs.
        </EmptyState>
      </div>
    );
  }
  if (error && !dashboard) return <div className="page"><ErrorState error={error} onRetry={load} /></div>;
  if (!dashboard) return <div className="page"><Card><Skeleton active avatar paragraph={{ rows: 10 }} /></Card></div>;

  const { card } = dashboard;
  const byCategory = new Map<string, string[]>();
  for (const m of catalog.metrics) byCategory.set(m.category, [...(byCategory.get(m.category) ?? []), m.key]);

  return (
    <div className="page">
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={back} className="back-link">Back</Button>
      <Card className="live-hero" bordered={false}>
        <div className="live-hero-row">
          <CreatorAvatar name={card.creatorName} url={card.creatorAvatarUrl} size={64} />
          <div className="live-hero-text">
            <div className="live-hero-name">
              <h1 data-testid="live-creator">{card.creatorName}</h1>
              <Tag bordered={false} color={card.creatorType === 'seller' ? 'blue' : 'purple'}>{card.creatorType === 'seller' ? 'Seller' : 'Affiliate'}</Tag>
              {card.status === 'live' && <Tag color="red" className="on-air" data-testid="live-status">● LIVE</Tag>}
              {card.status === 'ended' && <Tag data-testid="live-status">Ended</Tag>}
              {card.status === 'suspended' && <Tag color="error" data-testid="live-status">Suspended</Tag>}
              {card.inViolation && (
                <Tooltip title={card.violations.map((v) => `${v.policy}: ${v.reason}`).join(' · ')}>
                  <Tag color="error" icon={<WarningOutlined />} tabIndex={0}>Violation</Tag>
                </Tooltip>
              )}
              {card.needsAttention && (
                <Tooltip title={card.attention.map((a) => a.message).join(' · ')}>
                  <Tag color="warning" icon={<ExclamationCircleOutlined />} tabIndex={0}>Need Attention</Tag>
                </Tooltip>
              )}
            </div>
            <div className="live-hero-title">{card.title}</div>
            <div className="live-hero-meta">
              <span>Started {formatDateTime(card.startedAt)}</span>
              {card.endedAt && <span>Ended {formatDateTime(card.endedAt)}</span>}
              <span><ClockCircleOutlined /> {formatDuration(secondsBetween(card.startedAt, card.endedAt ?? now))}</span>
              <span className="muted">LIVE ID {card.liveId}</span>
            </div>
          </div>
          {card.pinnedProduct && (
            <div className="pinned-product hero-product">
              {card.pinnedProduct.imageUrl && <img src={card.pinnedProduct.imageUrl} alt={card.pinnedProduct.name} width={48} height={48} />}
              <div className="pinned-product-text">
                <span className="pinned-product-label">Pinned product</span>
                <span className="pinned-product-name">{card.pinnedProduct.name}</span>
              </div>
              <span className="pinned-product-price">{formatMoney(card.pinnedProduct.price, card.pinnedProduct.currency)}</span>
            </div>
          )}
        </div>
      </Card>

      <Card title="Overview" className="section-card" bordered={false}>
        {[...byCategory.entries()].map(([category, keys]) => (
          <div key={category} className="overview-group">
            <div className="overview-category">{humanize(category)}</div>
            <div className="overview-grid">
              {keys.map((key) => (
                <div key={key} className="overview-tile" data-metric={key}>
                  <div className="overview-label"><MetricLabel metricKey={key} /></div>
                  <div className="overview-value" data-testid={`overview-${key}`}>{formatMetric(metric(key), card.metrics[key], card.currency)}</div>
                </div>
              ))}
            </div>
          </div>
        ))}
      </Card>

      <Row gutter={16}>
        <Col span={16}>
          <Card title="Performance trends" className="section-card" bordered={false} extra={<span className="muted">per minute{isLive ? ', updating live' : ''}</span>}>
            <PerformanceTrends trends={dashboard.trends} chosen={trendKeys} currency={card.currency} onChange={(keys) => setParam('trends', keys.join(','))} />
          </Card>
        </Col>
        <Col span={8}>
          <Card title="User Profile" className="section-card" bordered={false} extra={<span className="muted">viewers</span>}>
            <ViewerProfile profile={dashboard.profile} />
          </Card>
          <Card title="Comments" className="section-card" bordered={false} extra={<span className="muted">{card.metrics.comments ?? dashboard.comments.length} total</span>}>
            <div className="comment-feed" aria-label="Comments" data-testid="comment-feed">
              {dashboard.comments.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No comments yet" />}
              {dashboard.comments.slice(0, 60).map((c) => (
                <div key={`${c.viewerId}-${c.occurredAt}`} className="comment">
                  <span className="comment-time">{formatTime(c.occurredAt)}</span>
                  <span className="comment-nick">{c.nickname}</span>
                  <span className="comment-text">{c.text}</span>
                </div>
              ))}
            </div>
          </Card>
        </Col>
      </Row>

      <Card className="section-card" bordered={false}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParam('tab', k === 'products' ? null : k)}
          items={[
            { key: 'products', label: `Product (${dashboard.products.length})`, children: <ProductsTable products={dashboard.products} currency={card.currency} /> },
            { key: 'promotions', label: `Promotion (${dashboard.promotions.length})`, children: <PromotionsTable promotions={dashboard.promotions} currency={card.currency} /> },
            { key: 'violations', label: `Violation (${dashboard.violations.length})`, children: <ViolationsTable violations={dashboard.violations} /> },
          ]}
        />
      </Card>
    </div>
  );
}

function ProductsTable({ products, currency }: { products: ProductStats[]; currency: string | null }) {
  const { metric } = useApp();
  return (
    <Table<ProductStats>
      rowKey="productId"
      dataSource={products}
      pagination={products.length > 10 ? { pageSize: 10 } : false}
      locale={{ emptyText: 'No products were shown in this LIVE.' }}
      columns={[
        {
          title: 'Product', key: 'name', render: (_, p) => (
            <span className="product-cell">
              {p.imageUrl ? <img src={p.imageUrl} alt="" width={36} height={36} /> : <span className="product-placeholder">🛍</span>}
              <span>{p.name ?? p.productId}</span>
              {p.isPinned && <Tag color="magenta">Pinned</Tag>}
            </span>
          ),
        },
        { title: 'Price', dataIndex: 'price', align: 'right', render: (v: number | null) => (v === null ? '–' : formatMoney(v, currency)) },
        { title: 'Impressions', dataIndex: 'impressions', align: 'right', sorter: (a, b) => a.impressions - b.impressions, render: (v) => formatMetric(metric('product_impressions'), v) },
        { title: 'Clicks', dataIndex: 'clicks', align: 'right', sorter: (a, b) => a.clicks - b.clicks, render: (v) => formatMetric(metric('product_clicks'), v) },
        { title: 'CTR', dataIndex: 'ctr', align: 'right', render: (v) => formatMetric(metric('ctr'), v) },
        { title: 'Orders', dataIndex: 'orders', align: 'right', sorter: (a, b) => a.orders - b.orders },
        { title: 'Items sold', dataIndex: 'itemsSold', align: 'right', sorter: (a, b) => a.itemsSold - b.itemsSold },
        { title: 'GMV', dataIndex: 'gmv', align: 'right', defaultSortOrder: 'descend', sorter: (a, b) => a.gmv - b.gmv, render: (v) => formatMoney(v, currency) },
        { title: 'Refunds', dataIndex: 'refunds', align: 'right' },
      ]}
    />
  );
}

const promotionKinds: Record<PromotionView['kind'], string> = { flash_sale: 'Flash sale', giveaway: 'Giveaway', coupon: 'Coupon' };

function PromotionsTable({ promotions, currency }: { promotions: PromotionView[]; currency: string | null }) {
  return (
    <Table<PromotionView>
      rowKey="promotionId"
      dataSource={promotions}
      pagination={false}
      locale={{ emptyText: 'No promotions or giveaways ran in this LIVE.' }}
      columns={[
        { title: 'Type', dataIndex: 'kind', render: (k: PromotionView['kind']) => <Tag color={k === 'giveaway' ? 'gold' : k === 'coupon' ? 'cyan' : 'magenta'}>{promotionKinds[k] ?? k}</Tag> },
        { title: 'Details', dataIndex: 'details' },
        { title: 'Product', dataIndex: 'productId', render: (v) => v ?? '–' },
        { title: 'Started', dataIndex: 'startedAt', render: (v) => (v ? formatTime(v) : '–') },
        { title: 'Ended', dataIndex: 'endedAt', render: (v) => (v ? formatTime(v) : <Tag color="green">Running</Tag>) },
        { title: 'Orders', dataIndex: 'orders', align: 'right' },
        { title: 'GMV', dataIndex: 'gmv', align: 'right', render: (v) => formatMoney(v, currency) },
      ]}
    />
  );
}

function ViolationsTable({ violations }: { violations: ViolationView[] }) {
  return (
    <Table<ViolationView>
      rowKey="violationId"
      dataSource={violations}
      pagination={false}
      locale={{ emptyText: 'No violations were recorded in this LIVE.' }}
      columns={[
        { title: 'Time', dataIndex: 'occurredAt', render: (v) => formatTime(v) },
        { title: 'Policy', dataIndex: 'policy' },
        { title: 'Reason', dataIndex: 'reason' },
        { title: 'Action', dataIndex: 'action', render: (a) => <Tag color={a === 'suspension' ? 'error' : 'warning'}>{humanize(a)}</Tag> },
        { title: 'Points', dataIndex: 'points', align: 'right' },
      ]}
    />
  );
}
