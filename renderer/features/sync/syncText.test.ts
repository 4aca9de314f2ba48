import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';

import { en } from '../../i18n/en';
import { nb } from '../../i18n/nb';
import { noteText, statusText } from './syncText';

let t: TFunction;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { nb: { translation: nb }, en: { translation: en } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
  t = i18n.t;
});

const at = (hhmm: string) => new Date(`2025-06-14T${hhmm}:30`).toISOString();

describe('the sync state in words', () => {
  it('says since when a desk is offline, when it retries and what waits', () => {
    const text = statusText(
      { kind: 'offline', pending: 3, since: at('09:05'), retryAt: at('09:07') },
      t,
      'en',
    );
    expect(text.tone).toBe('orange');
    expect(text.text).toBe(
      'Offline since 09:05 · 3 pending · retrying at 09:07',
    );
  });

  it('shows a synced desk with minutes only, so it changes once a minute', () => {
    const text = statusText(
      { kind: 'synced', pending: 0, at: at('10:42') },
      t,
      'en',
    );
    expect(text).toEqual({
      tone: 'green',
      text: 'Synced at 10:42',
      detail: '',
    });
  });

  it('translates a known error code and keeps the raw reason for a tooltip', () => {
    const text = statusText(
      {
        kind: 'error',
        pending: 1,
        at: at('11:00'),
        error: { code: 'desk-revoked', message: 'Desk token revoked' },
      },
      t,
      'en',
    );
    expect(text.tone).toBe('red');
    expect(text.text).toBe(
      'Sync error: the organizer disconnected this desk · 1 pending',
    );
    expect(text.detail).toBe('desk-revoked: Desk token revoked');
  });

  it('shows an unknown error code by the message the service sent', () => {
    const text = statusText(
      {
        kind: 'error',
        pending: 0,
        at: at('11:00'),
        error: { code: 'teapot', message: 'I am a teapot' },
      },
      t,
      'en',
    );
    expect(text.text).toBe('Sync error: I am a teapot');
  });

  it('names a refused operation and the reason on the participant', () => {
    const text = noteText(
      {
        operationId: 'op-1',
        type: 'check-in',
        outcome: 'rejected',
        code: 'deregistered',
        message: 'The participant is deregistered',
        createdAt: at('09:00'),
      },
      t,
    );
    expect(text).toBe('Check-in was refused: the participant is deregistered');
  });
});
