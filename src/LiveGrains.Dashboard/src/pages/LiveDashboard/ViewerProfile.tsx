import { useState } from 'react';
import { Carousel, Modal, Tabs } from 'antd';
import type { EChartsOption } from 'echarts';
import type { ProfileSlice, ViewerProfile as Profile } from '../../api/types';
import { EChart } from '../../components/EChart';
import { humanize } from '../../format';

const colors = ['#e6245e', '#7c3aed', '#0ea5e9', '#f59e0b', '#10b981', '#6366f1', '#ec4899', '#14b8a6', '#84cc16', '#f97316'];

const sliceLabels: Record<string, string> = {
  female: 'Female', male: 'Male', unknown: 'Unknown', follower: 'Followers', non_follower: 'Non-followers',
  for_you: 'For You feed', following: 'Following feed', short_video: 'Short videos', search: 'Search', other: 'Other',
};
const label = (key: string) => sliceLabels[key] ?? humanize(key);

interface Section {
  key: keyof Profile;
  title: string;
  kind: 'pie' | 'bar';
}

const sections: Section[] = [
  { key: 'gender', title: 'Gender', kind: 'pie' },
  { key: 'ageBands', title: 'Age', kind: 'bar' },
  { key: 'regions', title: 'Region', kind: 'bar' },
  { key: 'followers', title: 'Followers vs non-followers', kind: 'pie' },
  { key: 'trafficSources', title: 'Traffic source', kind: 'pie' },
];

function chart(section: Section, slices: ProfileSlice[], compact: boolean): EChartsOption {
  const total = slices.reduce((s, x) => s + x.count, 0) || 1;
  if (section.kind === 'pie') {
    return {
      color: colors,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: compact ? { show: false } : { bottom: 0, type: 'scroll' },
      series: [{
        type: 'pie',
        radius: compact ? ['45%', '75%'] : ['40%', '68%'],
        center: ['50%', compact ? '50%' : '45%'],
        label: { show: !compact, formatter: '{b}: {d}%' },
        data: slices.map((s) => ({ name: label(s.key), value: s.count })),
      }],
    };
  }
  const ordered = section.key === 'ageBands' ? [...slices].sort((a, b) => a.key.localeCompare(b.key)) : slices;
  return {
    color: colors,
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${v} viewers (${Math.round((Number(v) / total) * 1000) / 10}%)` },
    grid: { left: compact ? 8 : 40, right: 12, top: 12, bottom: compact ? 8 : 30, containLabel: true },
    xAxis: { type: 'category', data: ordered.map((s) => label(s.key)), axisLabel: { show: !compact || ordered.length <= 6 } },
    yAxis: { type: 'value', show: !compact },
    series: [{ type: 'bar', data: ordered.map((s) => s.count), barMaxWidth: 36, itemStyle: { borderRadius: [6, 6, 0, 0] } }],
  };
}

function topShare(slices: ProfileSlice[]): string {
  const total = slices.reduce((s, x) => s + x.count, 0);
  if (!total) return 'No viewer data yet';
  const top = slices.reduce((a, b) => (b.count > a.count ? b : a));
  return `${label(top.key)} ${Math.round((top.count / total) * 100)}%`;
}

/** The User Profile carousel; a click opens the full viewer analysis. */
export function ViewerProfile({ profile }: { profile: Profile }) {
  const [open, setOpen] = useState<keyof Profile | null>(null);
  return (
    <>
      <Carousel autoplay autoplaySpeed={5000} dots={{ className: 'profile-dots' }} className="profile-carousel">
        {sections.map((section) => (
          <div key={section.key}>
            <button
              type="button"
              className="profile-slide"
              onClick={() => setOpen(section.key)}
              aria-label={`Open viewer analysis: ${section.title}`}
              data-testid={`profile-slide-${section.key}`}
            >
              <div className="profile-slide-head">
                <span className="profile-slide-title">{section.title}</span>
                <span className="profile-slide-top">{topShare(profile[section.key])}</span>
              </div>
              <EChart option={chart(section, profile[section.key], true)} height={150} ariaLabel={`${section.title} of viewers`} />
              <span className="profile-slide-hint">Click for viewer analysis</span>
            </button>
          </div>
        ))}
      </Carousel>
      <Modal open={open !== null} onCancel={() => setOpen(null)} footer={null} width={880} title="LIVE viewer analysis" destroyOnClose>
        <Tabs
          activeKey={open ?? 'gender'}
          onChange={(k) => setOpen(k as keyof Profile)}
          items={sections.map((section) => ({
            key: section.key,
            label: section.title,
            children: profile[section.key].length
              ? <EChart option={chart(section, profile[section.key], false)} height={380} ariaLabel={`${section.title} of viewers`} />
              : <p className="muted">No viewer data yet.</p>,
          }))}
        />
      </Modal>
    </>
  );
}
