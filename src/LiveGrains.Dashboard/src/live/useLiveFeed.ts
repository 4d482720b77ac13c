import { useEffect, useRef, useSyncExternalStore } from 'react';
import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import type { AgencyCardsChanged, LiveDashboard, LiveDetailUpdate, OngoingLives } from '../api/types';

export type FeedState = 'connecting' | 'live' | 'reconnecting' | 'offline';

type Topic = { kind: 'agency'; id: string } | { kind: 'live'; id: string };

interface Handlers<TSnapshot, TDelta> {
  onSnapshot: (snapshot: TSnapshot) => void;
  onDelta: (delta: TDelta) => void;
}

interface Watcher {
  topic: Topic;
  handlers: Handlers<unknown, unknown>;
}

/**
 * One SignalR connection shared by every page. Watchers (agency cards, one LIVE) are remembered so that each
 * (re)connection subscribes them again and hands them a fresh snapshot: deltas missed while disconnected are
 * never replayed by the server, so the snapshot is what makes the screen whole again.
 */
class LiveFeed {
  private connection: HubConnection | null = null;
  private readonly watchers = new Set<Watcher>();
  private readonly listeners = new Set<() => void>();
  private state: FeedState = 'offline';
  private retryTimer: number | undefined;
  private generation = 0;

  getState = () => this.state;

  subscribeState = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Drops the connection and opens a new one: a connection keeps the identity it was opened with. */
  restart() {
    const old = this.connection;
    this.connection = null;
    this.generation++;
    window.clearTimeout(this.retryTimer);
    if (old) void old.stop();
    this.start();
  }

  watch(watcher: Watcher): () => void {
    this.watchers.add(watcher);
    if (!this.connection) this.start();
    else if (this.connection.state === HubConnectionState.Connected) void this.subscribe(this.connection, watcher);
    return () => {
      this.watchers.delete(watcher);
      const connection = this.connection;
      if (connection?.state === HubConnectionState.Connected) {
        const method = watcher.topic.kind === 'agency' ? 'UnsubscribeAgency' : 'UnsubscribeLive';
        void connection.invoke(method, watcher.topic.id).catch(() => undefined);
      }
    };
  }

  private setState(state: FeedState) {
    if (this.state === state) return;
    this.state = state;
    this.listeners.forEach((l) => l());
  }

  private start() {
    const generation = this.generation;
    const connection = new HubConnectionBuilder()
      .withUrl('/hubs/live')
      // Keep retrying forever (capped at 10 s): an agency leaves this screen open all day.
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(10_000, 500 * 2 ** ctx.previousRetryCount) })
      .configureLogging(LogLevel.Warning)
      .build();
    this.connection = connection;
    connection.on('CardsChanged', (message: AgencyCardsChanged) => this.dispatch('agency', message.agencyId, message));
    connection.on('LiveUpdated', (message: LiveDetailUpdate) => this.dispatch('live', message.liveId, message));
    connection.onreconnecting(() => this.setState('reconnecting'));
    connection.onreconnected(() => {
      this.setState('live');
      this.watchers.forEach((w) => void this.subscribe(connection, w));
    });
    connection.onclose(() => {
      if (generation !== this.generation) return;
      this.setState('offline');
      this.scheduleRetry(generation);
    });
    this.setState('connecting');
    connection.start().then(
      () => {
        if (generation !== this.generation) return;
        this.setState('live');
        this.watchers.forEach((w) => void this.subscribe(connection, w));
      },
      () => {
        if (generation !== this.generation) return;
        this.setState('offline');
        this.scheduleRetry(generation);
      },
    );
  }

  private scheduleRetry(generation: number) {
    window.clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(() => {
      if (generation === this.generation) this.restart();
    }, 5_000);
  }

  private async subscribe(connection: HubConnection, watcher: Watcher) {
    const method = watcher.topic.kind === 'agency' ? 'SubscribeAgency' : 'SubscribeLive';
    try {
      const snapshot = await connection.invoke(method, watcher.topic.id);
      if (this.watchers.has(watcher)) watcher.handlers.onSnapshot(snapshot);
    } catch (error) {
      console.warn(`${method}(${watcher.topic.id}) failed`, error);
    }
  }

  private dispatch(kind: Topic['kind'], id: string, message: unknown) {
    this.watchers.forEach((w) => {
      if (w.topic.kind === kind && w.topic.id === id) w.handlers.onDelta(message);
    });
  }
}

export const liveFeed = new LiveFeed();

/** Connection state of the live feed, for the header badge. */
export function useFeedState(): FeedState {
  return useSyncExternalStore(liveFeed.subscribeState, liveFeed.getState);
}

/**
 * The live-feed hook: watches an agency's ongoing cards or one LIVE's dashboard while the component is mounted.
 * onSnapshot runs on every (re)subscription, onDelta for each pushed change. Pass a null id to watch nothing.
 */
export function useLiveFeed(kind: 'agency', id: string | null, handlers: Handlers<OngoingLives, AgencyCardsChanged>): FeedState;
export function useLiveFeed(kind: 'live', id: string | null, handlers: Handlers<LiveDashboard | null, LiveDetailUpdate>): FeedState;
export function useLiveFeed(kind: Topic['kind'], id: string | null, handlers: Handlers<never, never>): FeedState {
  // Handlers change every render; the subscription must not, so it calls through a ref.
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!id) return undefined;
    return liveFeed.watch({
      topic: { kind, id },
      handlers: {
        onSnapshot: (s) => latest.current.onSnapshot(s as never),
        onDelta: (d) => latest.current.onDelta(d as never),
      },
    });
  }, [kind, id]);
  return useFeedState();
}
