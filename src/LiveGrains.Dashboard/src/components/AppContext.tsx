import { createContext, useContext } from 'react';
import type { MetricCatalog, MetricDefinition } from '../api/types';

export interface AppContextValue {
  agencyId: string;
  catalog: MetricCatalog;
  metric: (key: string) => MetricDefinition | undefined;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppContext');
  return value;
}
