// The words for the desk's sync state, the server's reasons and its notes
// on a participant, in the operator's language. Pure, so it is tested
// without rendering.

import type { TFunction } from 'i18next';

import type { AppError } from '../../../shared/contract/result';
import type { SyncStatus } from '../../../shared/sync/desk/status';
import { dateFormat } from '../../i18n/formats';
import type { OperationNote } from '../../sync/deskSync';
import { syncNb } from './messages';

export type Tone = 'gray' | 'orange' | 'blue' | 'green' | 'red';

export type StatusText = {
  tone: Tone;
  /** What the header shows; changes at most once a minute while calm. */
  text: string;
  /** The raw reason behind an error, for a tooltip. */
  detail: string;
};

/** HH:MM in the operator's language: the sync state needs no seconds. */
export const hourMinute = (iso: string, language: string): string =>
  iso === ''
    ? ''
    : dateFormat(language, { hour: '2-digit', minute: '2-digit' }).format(
        new Date(iso),
      );

const isKnownCode = (code: string): code is keyof typeof syncNb.codes =>
  Object.hasOwn(syncNb.codes, code);

/** A server or network reason: its code translated, else its message. */
export const reasonText = (error: AppError, t: TFunction): string =>
  isKnownCode(error.code)
    ? t(`sync.codes.${error.code}`)
    : error.message || error.code;

const withPending = (text: string, pending: number, t: TFunction) =>
  pending > 0
    ? `${text} · ${t('sync.state.pending', { count: pending })}`
    : text;

export const statusText = (
  status: SyncStatus,
  t: TFunction,
  language: string,
): StatusText => {
  const clock = (iso: string) => hourMinute(iso, language);
  switch (status.kind) {
    case 'local':
      return { tone: 'gray', text: t('sync.state.local'), detail: '' };
    case 'offline': {
      const since = t('sync.state.offline', { since: clock(status.since) });
      const retry = t('sync.state.retryAt', { time: clock(status.retryAt) });
      // The retry time goes last: a narrow header cuts it first.
      return {
        tone: 'orange',
        text: `${withPending(since, status.pending, t)} · ${retry}`,
        detail: '',
      };
    }
    case 'connecting':
      return {
        tone: 'blue',
        text: withPending(t('sync.state.connecting'), status.pending, t),
        detail: '',
      };
    case 'syncing':
      return {
        tone: 'blue',
        text: withPending(t('sync.state.syncing'), status.pending, t),
        detail: '',
      };
    case 'synced':
      return {
        tone: status.pending > 0 ? 'blue' : 'green',
        text: withPending(
          t('sync.state.synced', { time: clock(status.at) }),
          status.pending,
          t,
        ),
        detail: '',
      };
    case 'error':
      return {
        tone: 'red',
        text: withPending(
          t('sync.state.error', { reason: reasonText(status.error, t) }),
          status.pending,
          t,
        ),
        detail: `${status.error.code}: ${status.error.message}`,
      };
  }
};

const isKnownOperation = (
  type: string,
): type is keyof typeof syncNb.operation =>
  Object.hasOwn(syncNb.operation, type);

/** One server answer on the participant card, as a sentence. */
export const noteText = (note: OperationNote, t: TFunction): string => {
  const what = t(
    `sync.operation.${isKnownOperation(note.type) ? note.type : 'other'}`,
  );
  const reason = reasonText({ code: note.code, message: note.message }, t);
  return t(`sync.notes.${note.outcome}`, { what, reason });
};
