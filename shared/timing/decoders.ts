import { createTimyDecoder } from './alge/timyLine';
import { createEmit250Decoder, type Emit250Options } from './emit/emit250';
import { createMtr4Decoder } from './emit/mtr4';
import type { TimingDecoder, TimingProtocol } from './passing';
import { timingProtocols } from './passing';
import { createSportidentDecoder } from './sportident/decoder';

export type DecoderOptions = { emit250?: Emit250Options };

/** One fresh decoder per serial line. */
export const createDecoder = (
  protocol: TimingProtocol,
  options: DecoderOptions = {},
): TimingDecoder => {
  switch (protocol) {
    case 'sportident':
      return createSportidentDecoder();
    case 'emit-250':
      return createEmit250Decoder(options.emit250);
    case 'emit-mtr4':
      return createMtr4Decoder();
    case 'alge-timy':
      return createTimyDecoder();
  }
};

export const isTimingProtocol = (value: string): value is TimingProtocol =>
  timingProtocols.some((protocol) => protocol === value);

/** Serial settings each device uses out of the box. */
export const serialSettings: Record<
  TimingProtocol,
  { baudRate: number; dataBits: 8; stopBits: 1 | 2; parity: 'none' }
> = {
  sportident: { baudRate: 38_400, dataBits: 8, stopBits: 1, parity: 'none' },
  'emit-250': { baudRate: 9600, dataBits: 8, stopBits: 2, parity: 'none' },
  'emit-mtr4': { baudRate: 9600, dataBits: 8, stopBits: 1, parity: 'none' },
  'alge-timy': { baudRate: 9600, dataBits: 8, stopBits: 1, parity: 'none' },
};
