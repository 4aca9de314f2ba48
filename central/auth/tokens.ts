// Session and desk tokens: 256 random bits, shown once, stored only as a
// SHA-256 hash so a copy of the database cannot act as a desk. A prefix says
// which kind a token is, so a lookup needs one query.

import { createHash, randomBytes } from 'node:crypto';

export type TokenKind = 'organizer' | 'desk';

const prefixes: Record<TokenKind, string> = {
  organizer: 'rdo_',
  desk: 'rdd_',
};

export const newToken = (kind: TokenKind): string =>
  `${prefixes[kind]}${randomBytes(32).toString('base64url')}`;

export const tokenKind = (token: string): TokenKind | null => {
  if (token.startsWith(prefixes.organizer)) return 'organizer';
  if (token.startsWith(prefixes.desk)) return 'desk';
  return null;
};

export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');
