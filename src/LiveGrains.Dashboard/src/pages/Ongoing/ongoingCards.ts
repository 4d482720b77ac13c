import type { AgencyCardsChanged, LiveCard, OngoingLives, OngoingQuery } from '../../api/types';

/** The server's filter, repeated here so pushed cards can join or leave a filtered page without a refetch. */
export function matches(card: LiveCard, q: OngoingQuery): boolean {
  if (card.status !== 'live') return false;
  if (q.status === 'in_violation' && !card.inViolation) return false;
  if (q.status === 'need_attention' && !card.needsAttention) return false;
  if (q.creatorType && card.creatorType !== q.creatorType) return false;
  const name = q.creator.trim().toLowerCase();
  if (name && !card.creatorName.toLowerCase().includes(name) && card.creatorId.toLowerCase() !== name) return false;
  return true;
}

const affiliateGmv = (c: LiveCard) => c.metrics.affiliate_gmv ?? 0;
const started = (c: LiveCard) => new Date(c.startedAt).getTime();

/** Same order as the server: pinned first (keeping their relative order), then the chosen sort, then LIVE id. */
export function sortCards(cards: LiveCard[], sort: OngoingQuery['sort'], pinOrder: string[]): LiveCard[] {
  const compare = (a: LiveCard, b: LiveCard): number => {
    let d = 0;
    switch (sort) {
      case 'earliest': d = started(a) - started(b); break;
      case 'affiliate_gmv_asc': d = affiliateGmv(a) - affiliateGmv(b) || started(b) - started(a); break;
      case 'affiliate_gmv_desc': d = affiliateGmv(b) - affiliateGmv(a) || started(b) - started(a); break;
      default: d = started(b) - started(a);
    }
    return d || (a.liveId < b.liveId ? -1 : a.liveId > b.liveId ? 1 : 0);
  };
  const pinned = cards.filter((c) => c.pinned).sort((a, b) => rank(pinOrder, a.liveId) - rank(pinOrder, b.liveId));
  return [...pinned, ...cards.filter((c) => !c.pinned).sort(compare)];
}

const rank = (order: string[], id: string) => {
  const i = order.indexOf(id);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
};

/** Applies one pushed batch to the page: newest card per LIVE wins, ended LIVEs leave. */
export function applyChanges(page: OngoingLives, change: AgencyCardsChanged, q: OngoingQuery): OngoingLives {
  const byId = new Map(page.cards.map((c) => [c.liveId, c]));
  const pinOrder = page.cards.filter((c) => c.pinned).map((c) => c.liveId);
  for (const id of change.ended) byId.delete(id);
  for (const card of change.changed) {
    const current = byId.get(card.liveId);
    if (current && Date.parse(current.updatedAt) > Date.parse(card.updatedAt)) continue;
    if (matches(card, q)) byId.set(card.liveId, card);
    else byId.delete(card.liveId);
    if (card.pinned && !pinOrder.includes(card.liveId)) pinOrder.push(card.liveId);
  }
  return { ...page, cards: sortCards([...byId.values()], q.sort, pinOrder), asOf: change.at };
}
