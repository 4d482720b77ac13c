import { Link } from 'react-router-dom';
import { Button, Card, Tag, Tooltip } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, PushpinFilled, PushpinOutlined, RightOutlined, WarningOutlined } from '@ant-design/icons';
import type { LiveCard } from '../../api/types';
import { CreatorAvatar } from '../../components/CreatorAvatar';
import { MetricLabel } from '../../components/MetricLabel';
import { useApp } from '../../components/AppContext';
import { formatDuration, formatMetric, formatMoney, formatTime, secondsBetween } from '../../format';

interface Props {
  card: LiveCard;
  metricKeys: string[];
  now: Date;
  pinBusy: boolean;
  onTogglePin: (card: LiveCard) => void;
}

export function LiveCardView({ card, metricKeys, now, pinBusy, onTogglePin }: Props) {
  const { agencyId, metric } = useApp();
  const started = new Date(card.startedAt);
  return (
    <Card className={`live-card${card.pinned ? ' is-pinned' : ''}${card.inViolation ? ' is-violation' : ''}`} data-testid="live-card" data-live-id={card.liveId} bordered={false}>
      <header className="live-card-head">
        <CreatorAvatar name={card.creatorName} url={card.creatorAvatarUrl} />
        <div className="live-card-who">
          <div className="live-card-name">
            <span className="creator-name">{card.creatorName}</span>
            <Tag bordered={false} color={card.creatorType === 'seller' ? 'blue' : 'purple'}>{card.creatorType === 'seller' ? 'Seller' : 'Affiliate'}</Tag>
          </div>
          <div className="live-card-title" title={card.title}>{card.title}</div>
          <div className="live-card-time">
            <span className="live-dot" aria-hidden />
            <span>Started {started.toLocaleTimeString('en-US', { hour: '2-digit', minute: '2-digit', hour12: false })}</span>
            <span className="sep">·</span>
            <ClockCircleOutlined aria-hidden />
            <span data-testid="live-duration" aria-label="Live duration">{formatDuration(secondsBetween(card.startedAt, now))}</span>
          </div>
        </div>
        <Tooltip title={card.pinned ? 'Unpin this LIVE' : 'Pin this LIVE to the top (up to 3)'}>
          <Button
            type={card.pinned ? 'primary' : 'text'}
            shape="circle"
            icon={card.pinned ? <PushpinFilled /> : <PushpinOutlined />}
            aria-label={card.pinned ? `Unpin ${card.creatorName}` : `Pin ${card.creatorName}`}
            aria-pressed={card.pinned}
            loading={pinBusy}
            onClick={() => onTogglePin(card)}
            data-testid="pin-button"
          />
        </Tooltip>
      </header>

      {(card.inViolation || card.needsAttention) && (
        <div className="live-card-tags">
          {card.inViolation && (
            <Tooltip
              trigger={['hover', 'focus']}
              title={
                <div data-testid="violation-tooltip">
                  {card.violations.map((v) => (
                    <div key={v.violationId} className="tooltip-violation">
                      <strong>{v.policy}</strong>: {v.reason} <span className="muted-light">({v.action}, {v.points} pts, {formatTime(v.occurredAt)})</span>
                    </div>
                  ))}
                </div>
              }
            >
              <Tag color="error" icon={<WarningOutlined />} tabIndex={0} className="focusable-tag" data-testid="violation-tag">Violation</Tag>
            </Tooltip>
          )}
          {card.needsAttention && (
            <Tooltip trigger={['hover', 'focus']} title={card.attention.map((a) => a.message).join(' · ')}>
              <Tag color="warning" icon={<ExclamationCircleOutlined />} tabIndex={0} className="focusable-tag" data-testid="attention-tag">Need Attention</Tag>
            </Tooltip>
          )}
          {card.needsAttention && <span className="attention-reason" data-testid="attention-reason">{card.attention[0]?.message}</span>}
        </div>
      )}

      <dl className="card-metrics">
        {metricKeys.map((key) => (
          <div key={key} className="card-metric" data-metric={key}>
            <dt><MetricLabel metricKey={key} /></dt>
            <dd data-testid={`metric-${key}`}>{formatMetric(metric(key), card.metrics[key], card.currency)}</dd>
          </div>
        ))}
      </dl>

      <div className="pinned-product" aria-label="Pinned product">
        {card.pinnedProduct ? (
          <>
            {card.pinnedProduct.imageUrl
              ? <img src={card.pinnedProduct.imageUrl} alt={card.pinnedProduct.name} width={44} height={44} />
              : <div className="product-placeholder" aria-hidden>🛍</div>}
            <div className="pinned-product-text">
              <span className="pinned-product-label">Pinned product</span>
              <span className="pinned-product-name" title={card.pinnedProduct.name}>{card.pinnedProduct.name}</span>
            </div>
            <span className="pinned-product-price" data-testid="pinned-price">{formatMoney(card.pinnedProduct.price, card.pinnedProduct.currency)}</span>
          </>
        ) : (
          <span className="muted">No product pinned right now</span>
        )}
      </div>

      <div className="comments" aria-label="Latest comments" aria-live="off">
        {card.latestComments.length === 0 && <span className="muted">No comments yet</span>}
        {card.latestComments.slice(0, 4).map((c) => (
          <div key={`${c.viewerId}-${c.occurredAt}`} className="comment">
            <span className="comment-nick">{c.nickname}</span>
            <span className="comment-text">{c.text}</span>
          </div>
        ))}
      </div>

      <footer className="live-card-foot">
        <Link to={`/lives/${encodeURIComponent(card.liveId)}?agency=${encodeURIComponent(agencyId)}`} className="dashboard-link" data-testid="dashboard-link">
          LIVE dashboard <RightOutlined />
        </Link>
      </footer>
    </Card>
  );
}
