import type { MetricDefinition } from './api/types';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 2 });
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(value: number, currency: string | null | undefined): string {
  const code = currency || 'USD';
  let format = moneyFormats.get(code);
  if (!format) {
    try {
      format = new Intl.NumberFormat('en-US', { style: 'currency', currency: code, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    } catch {
      // An unknown currency code must not blank the whole card.
      format = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    moneyFormats.set(code, format);
  }
  return format.format(value);
}

/** Seconds as h:mm:ss (m:ss under an hour would read as a time of day on a card, so hours always show). */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export function formatMetric(metric: MetricDefinition | undefined, value: number | null | undefined, currency?: string | null): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  switch (metric?.format) {
    case 'money': return formatMoney(value, currency);
    case 'percent': return percent.format(value);
    case 'duration': return formatDuration(value);
    case 'decimal': return decimal.format(value);
    default: return integer.format(value);
  }
}

/** Compact axis labels for charts. */
export function formatAxis(metric: MetricDefinition | undefined, value: number): string {
  switch (metric?.format) {
    case 'percent': return `${Math.round(value * 1000) / 10}%`;
    case 'duration': return formatDuration(value);
    default: return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
  }
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  return new Date(iso).toLocaleString('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('en-US', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

export function secondsBetween(fromIso: string, to: Date | string | null): number {
  const end = to === null ? new Date() : typeof to === 'string' ? new Date(to) : to;
  return (end.getTime() - new Date(fromIso).getTime()) / 1000;
}

export const humanize = (key: string) => key.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase());

export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
