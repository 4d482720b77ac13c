// JSON shapes of the LiveGrains API, mirrored from src/LiveGrains.Contracts/Views (camelCase, snake_case enums).

export type MetricFormat = 'integer' | 'money' | 'percent' | 'decimal' | 'duration';

export interface MetricDefinition {
  key: string;
  name: string;
  definition: string;
  unit: string;
  format: MetricFormat;
  category: string;
  trendable: boolean;
}

export interface MetricCatalog {
  metrics: MetricDefinition[];
  maxChosenMetrics: number;
  eventTypes: string[];
}

export type CreatorType = 'seller' | 'affiliate';
export type LiveStatus = 'live' | 'ended' | 'suspended';
export type MetricValues = Record<string, number | null>;

export interface CommentView {
  viewerId: string;
  nickname: string;
  text: string;
  occurredAt: string;
}

export interface ProductView {
  productId: string;
  name: string;
  price: number;
  currency: string;
  imageUrl: string | null;
}

export interface ViolationView {
  violationId: string;
  policy: string;
  reason: string;
  points: number;
  action: 'warning' | 'suspension';
  occurredAt: string;
}

export interface AttentionReason {
  rule: 'violation' | 'viewer_drop' | 'no_orders' | 'engagement_drop';
  message: string;
}

export interface LiveCard {
  liveId: string;
  creatorId: string;
  creatorName: string;
  creatorAvatarUrl: string | null;
  creatorType: CreatorType;
  agencyId: string | null;
  title: string;
  status: LiveStatus;
  startedAt: string;
  endedAt: string | null;
  currency: string | null;
  metrics: MetricValues;
  latestComments: CommentView[];
  pinnedProduct: ProductView | null;
  violations: ViolationView[];
  attention: AttentionReason[];
  updatedAt: string;
  pinned: boolean;
  /** The LIVE's event-log sequence when the card was computed: a higher one is newer (0 on history cards). */
  sequence: number;
  inViolation: boolean;
  needsAttention: boolean;
}

export interface OngoingLives {
  cards: LiveCard[];
  totalOngoing: number;
  boundCreators: number;
  cardMetrics: string[];
  asOf: string;
}

export type OngoingStatusFilter = 'all' | 'in_violation' | 'need_attention';
export type OngoingSort = 'latest' | 'earliest' | 'affiliate_gmv_asc' | 'affiliate_gmv_desc';

export interface OngoingQuery {
  status: OngoingStatusFilter;
  creator: string;
  creatorType: CreatorType | '';
  sort: OngoingSort;
}

export interface AttentionThresholds {
  viewerDropPercent: number;
  viewerDropMinPeak: number;
  viewerDropWindowMinutes: number;
  noOrderMinutes: number;
  engagementDropPercent: number;
  engagementWindowMinutes: number;
  engagementBaselineMinutes: number;
  engagementMinBaselinePerMinute: number;
}

export interface AgencyPreferences {
  cardMetrics: string[];
  listMetrics: string[];
  thresholds: AttentionThresholds;
}

export interface ProfileSlice {
  key: string;
  count: number;
}

export interface ViewerProfile {
  gender: ProfileSlice[];
  ageBands: ProfileSlice[];
  regions: ProfileSlice[];
  followers: ProfileSlice[];
  trafficSources: ProfileSlice[];
}

export interface TrendPoint {
  minute: string;
  values: MetricValues;
}

export interface ProductStats {
  productId: string;
  name: string | null;
  price: number | null;
  imageUrl: string | null;
  impressions: number;
  clicks: number;
  orders: number;
  itemsSold: number;
  gmv: number;
  refunds: number;
  ctr: number | null;
  isPinned: boolean;
}

export interface PromotionView {
  promotionId: string;
  kind: 'flash_sale' | 'giveaway' | 'coupon';
  details: string;
  productId: string | null;
  startedAt: string | null;
  endedAt: string | null;
  orders: number;
  gmv: number;
}

/** Raw totals a LIVE's metrics are derived from. */
export interface LiveCounters {
  gmv: number;
  affiliateGmv: number;
  orders: number;
  itemsSold: number;
  buyers: number;
  refunds: number;
  refundedAmount: number;
  views: number;
  uniqueViewers: number;
  currentViewers: number;
  peakViewers: number;
  viewerSeconds: number;
  liveImpressions: number;
  productImpressions: number;
  productClicks: number;
  likes: number;
  comments: number;
  shares: number;
  newFollowers: number;
  durationSeconds: number;
}

export interface LiveDashboard {
  card: LiveCard;
  counters: LiveCounters;
  profile: ViewerProfile;
  trends: TrendPoint[];
  products: ProductStats[];
  promotions: PromotionView[];
  violations: ViolationView[];
  comments: CommentView[];
  endReason: 'ended' | 'suspended' | null;
}

export interface CreatorProfile {
  creatorId: string;
  name: string;
  avatarUrl: string | null;
  creatorType: CreatorType;
  agencyId: string | null;
  currentLiveId: string | null;
}

export interface LiveSummary {
  liveId: string;
  agencyId: string | null;
  creatorId: string;
  creatorName: string;
  creatorType: CreatorType;
  title: string;
  status: LiveStatus;
  startedAt: string;
  endedAt: string | null;
  currency: string | null;
  counters: LiveCounters;
  metrics: MetricValues;
}

export interface Page<T> {
  items: T[];
  pageNumber: number;
  pageSize: number;
  total: number;
}

export type HistorySort = 'started_desc' | 'started_asc' | 'metric_desc' | 'metric_asc';

export interface HistoryQuery {
  creatorId?: string;
  from?: string;
  to?: string;
  sort: HistorySort;
  sortMetric?: string;
  page: number;
  pageSize: number;
}

export interface DevAgency {
  agencyId: string;
  name: string;
}

// Hub messages.
export interface AgencyCardsChanged {
  agencyId: string;
  changed: LiveCard[];
  ended: string[];
  at: string;
}

export interface LiveDetailUpdate {
  liveId: string;
  card: LiveCard;
  newComments: CommentView[];
  newViolations: ViolationView[];
  trends: TrendPoint[];
  at: string;
}
