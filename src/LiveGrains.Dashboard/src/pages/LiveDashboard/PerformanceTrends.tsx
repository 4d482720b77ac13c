import { useMemo } from 'react';
import { Select } from 'antd';
import type { EChartsOption } from 'echarts';
import type { TrendPoint } from '../../api/types';
import { useApp } from '../../components/AppContext';
import { EChart } from '../../components/EChart';
import { MetricLabel } from '../../components/MetricLabel';
import { formatAxis, formatMetric } from '../../format';

interface Props {
  trends: TrendPoint[];
  chosen: string[];
  currency: string | null;
  onChange: (keys: string[]) => void;
}

/** Per-minute line charts, one per chosen metric; they grow as the live feed adds minutes. */
export function PerformanceTrends({ trends, chosen, currency, onChange }: Props) {
  const { catalog, metric } = useApp();
  const trendable = catalog.metrics.filter((m) => m.trendable);
  const minutes = useMemo(() => trends.map((t) => new Date(t.minute).toLocaleTimeString('en-US', { hour: '2-digit', minute: '2-digit', hour12: false })), [trends]);

  return (
    <div>
      <label className="trend-picker">
        <span className="filter-label">Metrics</span>
        <Select
          mode="multiple"
          aria-label="Trend metrics"
          value={chosen}
          maxCount={6}
          style={{ minWidth: 420, maxWidth: '100%' }}
          options={trendable.map((m) => ({ value: m.key, label: m.name }))}
          onChange={onChange}
          data-testid="trend-metrics"
        />
      </label>
      {trends.length === 0 ? (
        <p className="muted">No per-minute data yet: the first point appears after the LIVE's first minute.</p>
      ) : (
        <div className="trend-grid">
          {chosen.map((key) => {
            const def = metric(key);
            const option: EChartsOption = {
              color: ['#e6245e'],
              grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
              tooltip: { trigger: 'axis', valueFormatter: (v) => formatMetric(def, v as number, currency) },
              xAxis: { type: 'category', data: minutes, boundaryGap: false },
              yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatAxis(def, v) }, splitLine: { lineStyle: { color: '#eef0f4' } } },
              series: [{
                name: def?.name ?? key,
                type: 'line',
                smooth: true,
                showSymbol: trends.length < 30,
                areaStyle: { opacity: 0.12 },
                data: trends.map((t) => t.values[key] ?? null),
              }],
            };
            return (
              <div key={key} className="trend-chart" data-testid={`trend-${key}`}>
                <div className="trend-title"><MetricLabel metricKey={key} /></div>
                <EChart option={option} height={200} ariaLabel={`${def?.name ?? key} per minute`} />
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
