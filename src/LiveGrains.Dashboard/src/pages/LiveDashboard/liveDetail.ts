import type { LiveDashboard, LiveDetailUpdate, TrendPoint } from '../../api/types';

/** Merges one pushed update: the card is replaced, comments and violations are added, trend minutes replaced. */
export function applyUpdate(current: LiveDashboard, update: LiveDetailUpdate): LiveDashboard {
  const seenComments = new Set(current.comments.map((c) => `${c.viewerId}|${c.occurredAt}|${c.text}`));
  const comments = [...update.newComments.filter((c) => !seenComments.has(`${c.viewerId}|${c.occurredAt}|${c.text}`)), ...current.comments]
    .sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt))
    .slice(0, 200);
  const seenViolations = new Set(current.violations.map((v) => v.violationId));
  const violations = [...current.violations, ...update.newViolations.filter((v) => !seenViolations.has(v.violationId))];
  return { ...current, card: update.card, comments, violations, trends: mergeTrends(current.trends, update.trends) };
}

export function mergeTrends(points: TrendPoint[], updates: TrendPoint[]): TrendPoint[] {
  if (updates.length === 0) return points;
  const byMinute = new Map(points.map((p) => [Date.parse(p.minute), p]));
  for (const p of updates) byMinute.set(Date.parse(p.minute), p);
  return [...byMinute.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
}
