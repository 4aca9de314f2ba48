import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { createAttemptGuard } from './attempts';
import { createIdleTimer } from './idleLock';
import { openOperatorDirectory } from './operatorDirectory';
import { hashPassword, verifyPassword } from './passwordHash';

// Few iterations keep the tests quick; the desk uses the default.
const iterations = 1_000;

const directory = () =>
  openOperatorDirectory({ factory: new IDBFactory(), iterations });

describe('password hashes', () => {
  it('verify the right password and refuse a wrong one', async () => {
    const stored = await hashPassword('korrekt hest', iterations);

    expect(await verifyPassword('korrekt hest', stored)).toBe(true);
    expect(await verifyPassword('korrekt hesT', stored)).toBe(false);
    expect(stored.iterations).toBe(iterations);
  });

  it('salt every hash, so one password gives two different hashes', async () => {
    const a = await hashPassword('samme passord', iterations);
    const b = await hashPassword('samme passord', iterations);

    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('store no trace of the password itself', async () => {
    const stored = await hashPassword('hemmelig-passord', iterations);

    expect(JSON.stringify(stored)).not.toContain('hemmelig');
  });
});

describe('the operator directory', () => {
  it('signs an operator in offline with the password they chose', async () => {
    const operators = await directory();
    const added = await operators.add(
      ' Kari ',
      'Kari Nordmann',
      'sekretariat1',
    );

    const signedIn = await operators.verify('KARI', 'sekretariat1');
    const wrong = await operators.verify('kari', 'sekretariat2');
    const unknown = await operators.verify('ola', 'sekretariat1');

    expect(added).toMatchObject({ ok: true, value: { login: 'kari' } });
    expect(signedIn).toMatchObject({
      ok: true,
      value: { name: 'Kari Nordmann' },
    });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'bad-credentials' },
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'bad-credentials' },
    });
    expect(await operators.count()).toBe(1);
  });

  it('refuses a short password, an empty name, a bad or taken login, naming the field', async () => {
    const operators = await directory();
    await operators.add('kari', 'Kari', 'sekretariat1');

    const results = await Promise.all([
      operators.add('ola', 'Ola', 'kort'),
      operators.add('ola', '  ', 'sekretariat1'),
      operators.add('o', 'Ola', 'sekretariat1'),
      operators.add('kari', 'Kari to', 'sekretariat1'),
    ]);

    expect(results.map((r) => (r.ok ? '' : r.error.data?.field))).toEqual([
      'password',
      'name',
      'login',
      'login',
    ]);
    expect(await operators.count()).toBe(1);
  });
});

describe('wrong passwords', () => {
  it('are free a few times, then make the next try wait longer and longer', () => {
    const guard = createAttemptGuard({
      free: 2,
      firstWaitMs: 1000,
      maxWaitMs: 3000,
    });
    const waits: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      guard.failed('kari', 0);
      waits.push(guard.waitMs('Kari', 0));
    }
    guard.succeeded('kari');

    expect(waits).toEqual([0, 0, 1000, 2000, 3000]);
    expect(guard.waitMs('kari', 0)).toBe(0);
    expect(guard.waitMs('ola', 0)).toBe(0);
  });
});

describe('the idle lock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('locks after the idle time with no activity, and activity puts it off', () => {
    vi.useFakeTimers();
    const onIdle = vi.fn();
    const timer = createIdleTimer({ idleMs: 60_000, onIdle });

    vi.advanceTimersByTime(50_000);
    timer.activity();
    vi.advanceTimersByTime(50_000);
    const beforeIdle = onIdle.mock.calls.length;
    vi.advanceTimersByTime(10_001);
    timer.stop();

    expect(beforeIdle).toBe(0);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('never locks when turned off, and stops when told', () => {
    vi.useFakeTimers();
    const onIdle = vi.fn();
    const off = createIdleTimer({ idleMs: 0, onIdle });
    const stopped = createIdleTimer({ idleMs: 1000, onIdle });
    stopped.stop();

    vi.advanceTimersByTime(60_000);
    off.stop();

    expect(onIdle).not.toHaveBeenCalled();
  });
});
