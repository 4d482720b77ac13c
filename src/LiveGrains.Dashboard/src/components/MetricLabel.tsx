import { Tooltip } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useApp } from './AppContext';

/** A metric's catalog name with the "?" whose tooltip holds the catalog definition. */
export function MetricLabel({ metricKey }: { metricKey: string }) {
  const { metric } = useApp();
  const definition = metric(metricKey);
  const name = definition?.name ?? metricKey;
  return (
    <span className="metric-label">
      {name}
      {definition && (
        <Tooltip title={definition.definition} trigger={['hover', 'focus']}>
          <button type="button" className="metric-help" aria-label={`What is ${name}?`} data-testid={`help-${metricKey}`}>
            <QuestionCircleOutlined />
          </button>
        </Tooltip>
      )}
    </span>
  );
}
