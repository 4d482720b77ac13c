import { Avatar } from 'antd';

const palette = ['#e6245e', '#7c3aed', '#0ea5e9', '#f59e0b', '#10b981', '#6366f1', '#ec4899', '#14b8a6'];

function colorOf(seed: string): string {
  let hash = 0;
  for (const ch of seed) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return palette[Math.abs(hash) % palette.length];
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? parts[parts.length - 1][0] : '')).toUpperCase();
}

/** The creator's picture, or coloured initials when there is none. */
export function CreatorAvatar({ name, url, size = 44 }: { name: string; url: string | null; size?: number }) {
  return url
    ? <Avatar src={url} size={size} alt={name} />
    : <Avatar size={size} style={{ background: colorOf(name), fontWeight: 600 }} aria-label={name}>{initials(name)}</Avatar>;
}
