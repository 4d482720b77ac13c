import { useEffect, useRef } from 'react';
import * as echarts from 'echarts';

/** A thin ECharts host: one instance per element, options replaced on change, resized with its box. */
export function EChart({ option, height = 260, ariaLabel }: { option: echarts.EChartsOption; height?: number; ariaLabel: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return undefined;
    const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge only when series come and go; otherwise merging lets new minutes animate in instead of redrawing.
    chart.current?.setOption(option, { notMerge: false, lazyUpdate: true, replaceMerge: ['series'] });
  }, [option]);

  return <div ref={element} style={{ height, width: '100%' }} role="img" aria-label={ariaLabel} />;
}
