// The central service logs through the shared Node logger (node/log.ts),
// which censors personal fields wherever they appear. Routes log ids,
// counts and seqs only: never names, e-mails, phone numbers or tokens.

import { createLogger, type Logger } from '../node/log';

export const centralLogger = (level = 'info'): Logger =>
  createLogger({ level }).child({ module: 'central' });
