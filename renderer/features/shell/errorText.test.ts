import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';

import { errorText } from './errorText';

// Records which message and parameters were asked for, as i18next would.
const t = ((key: string, params?: Record<string, unknown>) =>
  `${key} ${JSON.stringify(params ?? {})}`) as unknown as TFunction;

describe('store errors in the operator language', () => {
  it('names the holder of a taken bib', () => {
    const text = errorText(
      {
        code: 'bib-taken',
        message: 'Bib 12 is already held by Kari Nordmann',
        data: { bib: '12', holderId: 'p2', holderName: 'Kari Nordmann' },
      },
      t,
    );
    expect(text).toBe('errors.bibTaken {"bib":"12","holder":"Kari Nordmann"}');
  });

  it('translates a known code with the parameters the store sent', () => {
    const text = errorText(
      {
        code: 'range-full',
        message: '',
        data: { className: 'J14', first: 100, last: 120 },
      },
      t,
    );
    expect(text).toContain('errors.rangeFull');
    expect(text).toContain('"className":"J14"');
    expect(text).toContain('"first":"100"');
  });

  it('shows an unknown error as the store worded it', () => {
    const text = errorText({ code: 'write-failed', message: 'disk full' }, t);
    expect(text).toBe('errors.generic {"message":"disk full"}');
  });
});
