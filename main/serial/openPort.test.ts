// What the desk shows when a port will not open: the texts are those
// serialport's bindings give on each system (see openPort.ts).

import { describe, expect, it } from 'vitest';
import { openFailureOf } from './openPort';

describe('why a port did not open', () => {
  it('tells another program holding the port on Linux and macOS', () => {
    expect(
      openFailureOf('Error: Resource busy, cannot open /dev/ttyUSB0', 'linux'),
    ).toBe('busy');
    expect(
      openFailureOf(
        'Error Resource temporarily unavailable Cannot lock port',
        'linux',
      ),
    ).toBe('busy');
    expect(
      openFailureOf('Error: Resource busy, cannot open /dev/cu.usb', 'darwin'),
    ).toBe('busy');
  });

  it('takes Windows "Access denied" for another program holding the COM port', () => {
    expect(openFailureOf('Opening COM3: Access denied', 'win32')).toBe('busy');
  });

  it('tells a permission problem on Linux apart from a busy port', () => {
    expect(
      openFailureOf(
        'Error: Permission denied, cannot open /dev/ttyUSB0',
        'linux',
      ),
    ).toBe('no-permission');
    expect(openFailureOf('EACCES: permission denied', 'linux')).toBe(
      'no-permission',
    );
  });

  it('says missing for a port that is not there, on every system', () => {
    expect(
      openFailureOf(
        'Error: No such file or directory, cannot open /dev/ttyUSB9',
        'linux',
      ),
    ).toBe('missing');
    expect(openFailureOf('Opening COM9: File not found', 'win32')).toBe(
      'missing',
    );
    expect(openFailureOf('Error: Input/output error', 'linux')).toBe('error');
  });
});
