import { describe, expect, it } from 'vitest';
import { createBackoff } from './backoff';
import { findPort, identityOf, type ListedPort } from './portIdentity';

const reader = (path: string, serialNumber?: string): ListedPort => ({
  path,
  vendorId: '10c4',
  productId: '800a',
  ...(serialNumber ? { serialNumber } : {}),
});

describe('finding a device again', () => {
  it('finds an adapter by serial number after it comes back on another port', () => {
    const identity = identityOf(reader('/dev/ttyUSB0', 'SI-1234'));
    if (!identity) throw new Error('no identity');
    const ports = [
      reader('/dev/ttyUSB0', 'OTHER'),
      reader('/dev/ttyUSB3', 'SI-1234'),
    ];
    expect(findPort(ports, identity, '/dev/ttyUSB0')?.path).toBe(
      '/dev/ttyUSB3',
    );
  });

  it('does not take another adapter of the same model when the serial number differs', () => {
    const identity = identityOf(reader('/dev/ttyUSB0', 'SI-1234'));
    if (!identity) throw new Error('no identity');
    expect(
      findPort([reader('/dev/ttyUSB1', 'SI-9999')], identity),
    ).toBeUndefined();
  });

  it('prefers the last port for adapters without serial numbers', () => {
    const identity = identityOf(reader('/dev/ttyUSB1'));
    if (!identity) throw new Error('no identity');
    const ports = [reader('/dev/ttyUSB0'), reader('/dev/ttyUSB1')];
    expect(findPort(ports, identity, '/dev/ttyUSB1')?.path).toBe(
      '/dev/ttyUSB1',
    );
    expect(findPort(ports, identity, '/dev/ttyUSB7')?.path).toBe(
      '/dev/ttyUSB0',
    );
  });

  it('compares USB ids without regard to case', () => {
    expect(
      findPort([{ ...reader('COM5'), vendorId: '10C4' }], {
        vendorId: '10c4',
        productId: '800A',
      })?.path,
    ).toBe('COM5');
  });

  it('remembers nothing for a port without USB ids', () => {
    expect(identityOf({ path: '/dev/ttyS0' })).toBeUndefined();
  });
});

describe('reconnect backoff', () => {
  it('doubles the delay up to the cap and starts over after a reset', () => {
    const backoff = createBackoff({ firstMs: 250, maxMs: 1500 });
    const delays = Array.from({ length: 5 }, () => backoff.next());
    expect(delays).toEqual([250, 500, 1000, 1500, 1500]);
    backoff.reset();
    expect(backoff.next()).toBe(250);
  });
});
