/** The timing protocols the desk can read from a serial line. */
export type TimingProtocol =
  | 'sportident'
  | 'emit-250'
  | 'emit-mtr4'
  | 'alge-timy';

export const timingProtocols: readonly TimingProtocol[] = [
  'sportident',
  'emit-250',
  'emit-mtr4',
  'alge-timy',
];

export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

export type JsonObject = { [key: string]: JsonValue };

/**
 * A chip or bib seen at a station at a time of day. `time` is
 * 'HH:MM:SS.fff' (or finer when the device measures finer, e.g. a Timy's
 * 1/10 000 s). What only one protocol knows (sub-second ticks, day of week,
 * memory address, package number) goes in `extra`.
 */
export type Passing = {
  kind: 'passing';
  protocol: TimingProtocol;
  /** Byte offset in the stream where the frame carrying it starts. */
  offset: number;
  chip?: string;
  bib?: string;
  station: number | string;
  time: string;
  extra: JsonObject;
};

/** Anything else a device says: card readouts, status, memory blocks. */
export type DeviceMessage = {
  kind: 'message';
  protocol: TimingProtocol;
  offset: number;
  type: string;
  data: JsonObject;
};

/** Bytes that were not a valid frame; never a passing. */
export type BadFrame = {
  kind: 'bad-frame';
  protocol: TimingProtocol;
  offset: number;
  length: number;
  reason: string;
};

export type DecoderOutput = Passing | DeviceMessage | BadFrame;

/**
 * A streaming decoder: bytes in, in arrival order, outputs out. It never
 * throws; whatever it cannot read comes back as a bad frame with its offset.
 */
export type TimingDecoder = {
  readonly protocol: TimingProtocol;
  /** `nowMs` is when the bytes arrived (epoch ms), for timeouts. */
  push(bytes: Uint8Array, nowMs?: number): DecoderOutput[];
  /**
   * Drops a partial frame once it has waited longer than the longest frame
   * takes on the wire, and reports pending noise. `flush(Infinity)` drains.
   */
  flush(nowMs: number): DecoderOutput[];
};
