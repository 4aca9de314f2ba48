import { describe, expect, it } from 'vitest';
import { exportBy } from './exportBy';

describe('exportBy', () => {
  it('names the operator and the desk, or the desk alone', () => {
    expect(exportBy('Kari Nordmann', 'desk-1')).toBe('Kari Nordmann (desk-1)');
    expect(exportBy(' Kari ', 'desk-1')).toBe('Kari (desk-1)');
    expect(exportBy(undefined, 'desk-1')).toBe('desk-1');
    expect(exportBy('  ', 'desk-1')).toBe('desk-1');
  });
});
