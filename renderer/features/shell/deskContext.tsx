// The open store and the desk's status line, shared by every page.

import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';

import type { DeskStore } from '../../store/deskStore';
import { coalesce } from './coalesce';

/** A message key and its parameters, translated when shown. */
export type Phrase = {
  key: string;
  params?: Record<string, string | number>;
};

/** What the header's status area says after the last action. */
export type DeskStatus =
  | { kind: 'idle' }
  | {
      kind: 'saved';
      what: Phrase;
      name: string;
      /** Whose name it is, so an erased person's name can be dropped. */
      participantId?: string;
      at: string;
      seq: number;
    }
  | { kind: 'error'; message: string; seq: number };

export type SavedStatus = Extract<DeskStatus, { kind: 'saved' }>;

/** How many of this session's saves the desk lists. */
const historyLength = 12;

type DeskContextValue = {
  store: DeskStore;
  status: DeskStatus;
  /** This session's saves, newest first; for the operator's own check. */
  history: readonly SavedStatus[];
  reportSaved(what: Phrase, name: string, participantId?: string): void;
  reportError(message: string): void;
  /** An error about one participant ends when the next one opens. */
  clearError(): void;
};

const DeskContext = createContext<DeskContextValue | null>(null);

export const DeskProvider = ({
  store,
  children,
}: {
  store: DeskStore;
  children: ReactNode;
}) => {
  const [status, setStatus] = useState<DeskStatus>({ kind: 'idle' });
  const [history, setHistory] = useState<readonly SavedStatus[]>([]);
  // seq makes a second identical "Saved" a new status, so it re-announces.
  const seq = useRef(0);

  const reportSaved = useCallback(
    (what: Phrase, name: string, participantId?: string) => {
      seq.current += 1;
      // Tests can also count saves without reading the status text.
      document.body.dataset.saves = String(seq.current);
      const saved: SavedStatus = {
        kind: 'saved',
        what,
        name,
        ...(participantId ? { participantId } : {}),
        at: new Date().toISOString(),
        seq: seq.current,
      };
      setStatus(saved);
      setHistory((h) => [saved, ...h].slice(0, historyLength));
    },
    [],
  );

  // A person erased centrally (or purged with the event) leaves the
  // desk at the next sync: their name goes from the status line and the
  // list of recent saves too, not only from the store.
  useEffect(
    () =>
      store.subscribe(() => {
        const gone = (saved: DeskStatus) =>
          saved.kind === 'saved' &&
          saved.participantId !== undefined &&
          saved.name !== '' &&
          store.get(saved.participantId) === undefined;
        setStatus((s) => (gone(s) ? { ...s, name: '' } : s));
        setHistory((h) =>
          h.some(gone)
            ? h.map((saved) => (gone(saved) ? { ...saved, name: '' } : saved))
            : h,
        );
      }),
    [store],
  );
  const reportError = useCallback((message: string) => {
    seq.current += 1;
    setStatus({ kind: 'error', message, seq: seq.current });
  }, []);

  const clearError = useCallback(() => {
    setStatus((s) => (s.kind === 'error' ? { kind: 'idle' } : s));
  }, []);

  const value = useMemo(
    () => ({ store, status, history, reportSaved, reportError, clearError }),
    [store, status, history, reportSaved, reportError, clearError],
  );
  return <DeskContext value={value}>{children}</DeskContext>;
};

export const useDesk = (): DeskContextValue => {
  const value = useContext(DeskContext);
  // A component outside DeskProvider is a wiring mistake, not a user error.
  if (value === null) throw new Error('useDesk outside DeskProvider');
  return value;
};

/** How often at most a change in the store re-renders the desk. */
const renderEveryMs = 50;

/**
 * Re-renders the caller after changes in the store: the first at once,
 * a burst (a finish rush, a sync page) at most every 50 ms (coalesce.ts).
 */
export const useStoreVersion = (store: DeskStore): number => {
  const subscribe = useCallback(
    (listener: () => void) => {
      const render = coalesce(listener, renderEveryMs);
      const unsubscribe = store.subscribe(render);
      return () => {
        render.cancel();
        unsubscribe();
      };
    },
    [store],
  );
  const version = useCallback(() => store.version(), [store]);
  return useSyncExternalStore(subscribe, version);
};
