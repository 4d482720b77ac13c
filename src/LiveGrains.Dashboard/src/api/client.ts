import type {
  AgencyPreferences, CreatorProfile, DevAgency, HistoryQuery, LiveDashboard, LiveSummary, MetricCatalog,
  OngoingLives, OngoingQuery, Page,
} from './types';

/** An API failure carrying the problem-details text the server wrote for people. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new ApiError(response.status, await problemText(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function problemText(response: Response): Promise<string> {
  try {
    const problem = await response.json();
    if (problem.detail) return problem.detail;
    if (problem.errors) return Object.entries(problem.errors).map(([field, messages]) => `${field}: ${(messages as string[]).join(', ')}`).join('; ');
    if (problem.title) return problem.title;
  } catch {
    // Not JSON: fall through to the status line.
  }
  if (response.status === 401) return 'You are not signed in.';
  if (response.status === 403) return 'This agency is not yours to view.';
  return `The server answered ${response.status} ${response.statusText}`.trim();
}

function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const agencyPath = (agencyId: string) => `/api/agencies/${encodeURIComponent(agencyId)}`;

/** The one typed client of the LiveGrains HTTP API. */
export const api = {
  devAgencies: () => request<DevAgency[]>('GET', '/api/dev/agencies'),
  signIn: (agencyId: string) => request<{ token: string; agencyId: string }>('POST', '/api/dev/sign-in', { agencyId }),
  catalog: () => request<MetricCatalog>('GET', '/api/metrics'),
  ongoing: (agencyId: string, q: OngoingQuery) =>
    request<OngoingLives>('GET', `${agencyPath(agencyId)}/lives/ongoing${query({ ...q })}`),
  pin: (agencyId: string, liveId: string) => request<void>('PUT', `${agencyPath(agencyId)}/pins/${encodeURIComponent(liveId)}`),
  unpin: (agencyId: string, liveId: string) => request<void>('DELETE', `${agencyPath(agencyId)}/pins/${encodeURIComponent(liveId)}`),
  preferences: (agencyId: string) => request<AgencyPreferences>('GET', `${agencyPath(agencyId)}/preferences`),
  savePreferences: (agencyId: string, preferences: AgencyPreferences) =>
    request<AgencyPreferences>('PUT', `${agencyPath(agencyId)}/preferences`, preferences),
  live: (liveId: string) => request<LiveDashboard>('GET', `/api/lives/${encodeURIComponent(liveId)}`),
  creators: (agencyId: string, search?: string, page?: number, pageSize?: number) =>
    request<Page<CreatorProfile>>('GET', `${agencyPath(agencyId)}/creators${query({ search, page, pageSize })}`),
  history: (agencyId: string, q: HistoryQuery) => {
    const { creatorId, ...rest } = q;
    const base = creatorId ? `${agencyPath(agencyId)}/creators/${encodeURIComponent(creatorId)}/lives` : `${agencyPath(agencyId)}/lives`;
    return request<Page<LiveSummary>>('GET', `${base}${query({ ...rest })}`);
  },
  exportUrl: (agencyId: string, format: 'csv' | 'xlsx', q: { creatorId?: string; from?: string; to?: string }) =>
    `${agencyPath(agencyId)}/lives/export${query({ format, ...q })}`,
};
