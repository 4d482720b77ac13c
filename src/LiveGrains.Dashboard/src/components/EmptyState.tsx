import type { ReactNode } from 'react';
import { Empty } from 'antd';

/** An empty page that says why it is empty and what to do about it (the FAQ answers, in place). */
export function EmptyState({ title, children, action, testId }: { title: string; children?: ReactNode; action?: ReactNode; testId?: string }) {
  return (
    <div className="empty-state" data-testid={testId}>
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <div>
            <div className="empty-title">{title}</div>
            {children && <div className="empty-text">{children}</div>}
          </div>
        }
      >
        {action}
      </Empty>
    </div>
  );
}
