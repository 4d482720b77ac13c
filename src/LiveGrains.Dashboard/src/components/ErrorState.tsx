import { Alert, Button } from 'antd';

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert
      type="error"
      showIcon
      message="Could not load this page"
      description={message}
      action={onRetry && <Button size="small" onClick={onRetry}>Try again</Button>}
      role="alert"
    />
  );
}
