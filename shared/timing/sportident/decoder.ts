import type { DecoderOutput, TimingDecoder } from '../passing';
import { createStreamDecoder } from '../streamDecoder';
import {
  blocksNeeded,
  decodeSi5Card,
  decodeSiPlusCard,
  type SiPlusCardType,
  siPlusTypeOf,
} from './cards';
import { hex, scanSiFrame, unstuffBase } from './frame';
import {
  decodeBackupBlock,
  decodeCardDetection,
  decodeStationTime,
  decodeTransmitRecord,
  malformed,
  message,
  u16,
} from './messages';

type Assembly = {
  command: number;
  station: number;
  type: SiPlusCardType;
  blocks: Map<number, Uint8Array>;
};

/**
 * SportIdent BSM7/BSM8 in extended protocol at 38 400 baud (USB) or 4 800:
 * the longest frame (261 bytes) takes 0.6 s at 4 800 baud.
 */
export const createSportidentDecoder = (): TimingDecoder => {
  let assembly: Assembly | undefined;

  /** Card blocks (0xE1 SI6, 0xEF SI8+): CN1 CN0 BN then 128 bytes. */
  const cardBlock = (command: number, data: Uint8Array, offset: number) => {
    const station = u16(data, 0);
    const block = data[2] ?? 0;
    const bytes = data.subarray(3);
    const out: DecoderOutput[] = [
      message(offset, 'si-card-block', {
        command,
        station,
        block,
        data: hex(bytes),
      }),
    ];
    if (block === 0) {
      const type = command === 0xe1 ? 'SI6' : siPlusTypeOf(bytes);
      assembly = type
        ? { command, station, type, blocks: new Map() }
        : undefined;
    }
    if (!assembly || assembly.command !== command) return out;
    if (assembly.station !== station) return out;
    assembly.blocks.set(block, bytes);
    const needed = blocksNeeded[assembly.type];
    if (!needed.every((number) => assembly?.blocks.has(number))) return out;

    const whole = new Uint8Array(needed.length * 128);
    needed.forEach((number, index) => {
      whole.set(assembly?.blocks.get(number) ?? [], index * 128);
    });
    out.push(
      message(offset, 'si-card-readout', {
        station,
        ...decodeSiPlusCard(assembly.type, whole),
      }),
    );
    assembly = undefined;
    return out;
  };

  const decodeExtended = (frame: Uint8Array, offset: number) => {
    const command = frame[1] ?? 0;
    const data = frame.subarray(3, frame.length - 3);
    switch (command) {
      case 0xd3:
        return [decodeTransmitRecord(data, offset)];
      case 0xe5:
      case 0xe6:
      case 0xe7:
      case 0xe8:
        return [decodeCardDetection(command, data, offset)];
      case 0xb1:
        if (data.length < 130)
          return [malformed(offset, frame.length, 'short')];
        return [
          message(offset, 'si-card-readout', {
            station: u16(data, 0),
            ...decodeSi5Card(data.subarray(2)),
          }),
        ];
      case 0xe1:
      case 0xef:
        if (data.length < 131)
          return [malformed(offset, frame.length, 'short')];
        return cardBlock(command, data, offset);
      case 0x81:
        return decodeBackupBlock(data, offset);
      case 0xf6:
      case 0xf7:
        return [decodeStationTime(data, offset)];
      default:
        return [
          message(offset, 'si-response', {
            command,
            station: u16(data, 0),
            data: hex(data.subarray(2)),
          }),
        ];
    }
  };

  return createStreamDecoder({
    protocol: 'sportident',
    maxFrameMs: 700,
    scan: (buf, pos, end) => scanSiFrame(buf, pos, end),
    decode: (frame, offset) => {
      if (frame.length === 1) {
        return [message(offset, frame[0] === 0x06 ? 'ack' : 'nak', {})];
      }
      const command = frame[1] ?? 0;
      if (command >= 0x80) return decodeExtended(frame, offset);
      // Base protocol has no CRC: report it, never turn it into a passing.
      return [
        message(offset, 'si-base-frame', {
          command,
          data: hex(unstuffBase(frame)),
        }),
      ];
    },
  });
};
