import { Badge, Tooltip } from 'antd';
import { useFeedState, type FeedState } from '../live/useLiveFeed';

const labels: Record<FeedState, { text: string; status: 'success' | 'processing' | 'warning' | 'error'; help: string }> = {
  live: { text: 'Live', status: 'success', help: 'Receiving updates as they happen.' },
  connecting: { text: 'Connecting…', status: 'processing', help: 'Opening the live feed.' },
  reconnecting: { text: 'Reconnecting…', status: 'warning', help: 'The live feed dropped; reconnecting automatically. Figures may be a few seconds old.' },
  offline: { text: 'Offline', status: 'error', help: 'The live feed is unavailable; retrying automatically every few seconds.' },
};

export function ConnectionBadge() {
  const state = useFeedState();
  const label = labels[state];
  return (
    <Tooltip title={label.help}>
      <span className="connection-badge" role="status" aria-live="polite" data-testid="feed-state" data-state={state}>
        <Badge status={label.status} text={<span className="connection-text">{label.text}</span>} />
      </span>
    </Tooltip>
  );
}
