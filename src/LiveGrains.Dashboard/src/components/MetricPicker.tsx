import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Checkbox, Modal, Tag, Typography } from 'antd';
import { useApp } from './AppContext';
import { humanize } from '../format';

interface Props {
  open: boolean;
  title: string;
  selected: string[];
  max: number;
  saving?: boolean;
  error?: string | null;
  onSave: (keys: string[]) => void;
  onCancel: () => void;
}

/** Customise metrics: the whole catalog grouped by category, each with its definition, at most `max` chosen. */
export function MetricPicker({ open, title, selected, max, saving, error, onSave, onCancel }: Props) {
  const { catalog } = useApp();
  const [chosen, setChosen] = useState<string[]>(selected);
  const [refused, setRefused] = useState<string | null>(null);
  const wasOpen = useRef(false);

  // Seed the choice only when the dialog opens: pages refresh their data (and so `selected`) while it is
  // open, and that must not wipe what the user is choosing or the message telling them why a metric was refused.
  useEffect(() => {
    if (open && !wasOpen.current) {
      setChosen(selected);
      setRefused(null);
    }
    wasOpen.current = open;
  }, [open, selected]);

  const groups = useMemo(() => {
    const byCategory = new Map<string, typeof catalog.metrics>();
    for (const m of catalog.metrics) byCategory.set(m.category, [...(byCategory.get(m.category) ?? []), m]);
    return [...byCategory.entries()];
  }, [catalog]);

  const toggle = (key: string, on: boolean) => {
    if (!on) {
      setChosen((c) => c.filter((k) => k !== key));
      setRefused(null);
      return;
    }
    if (chosen.length >= max) {
      setRefused(`You can choose at most ${max} metrics. Remove one before adding another.`);
      return;
    }
    setChosen((c) => [...c, key]);
  };

  return (
    <Modal
      open={open}
      title={title}
      width={760}
      okText="Save"
      onOk={() => onSave(chosen)}
      okButtonProps={{ disabled: chosen.length === 0, loading: saving }}
      onCancel={onCancel}
      destroyOnClose
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        Choose up to {max} metrics. <strong data-testid="picker-count">{chosen.length} / {max}</strong> selected.
      </Typography.Paragraph>
      <div className="picker-chosen" aria-label="Chosen metrics">
        {chosen.map((key) => (
          <Tag key={key} closable onClose={() => toggle(key, false)} color="magenta">
            {catalog.metrics.find((m) => m.key === key)?.name ?? key}
          </Tag>
        ))}
      </div>
      {(refused || error) && <Alert type="warning" showIcon message={refused ?? error} style={{ margin: '8px 0' }} role="alert" data-testid="picker-message" />}
      <div className="picker-groups">
        {groups.map(([category, metrics]) => (
          <fieldset key={category} className="picker-group">
            <legend>{humanize(category)}</legend>
            {metrics.map((m) => (
              <Checkbox
                key={m.key}
                className="picker-item"
                checked={chosen.includes(m.key)}
                onChange={(e) => toggle(m.key, e.target.checked)}
                aria-label={m.name}
                data-key={m.key}
              >
                <span className="picker-name">{m.name}</span>
                <span className="picker-definition">{m.definition}</span>
              </Checkbox>
            ))}
          </fieldset>
        ))}
      </div>
    </Modal>
  );
}
