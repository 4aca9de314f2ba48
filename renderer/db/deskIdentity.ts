// The desk's identity: a UUIDv7 created the first time the database opens
// and kept in a local document, so operations from this desk keep one id
// (and one gapless sequence) for the life of its data.

import { v7 as uuidv7 } from 'uuid';
import type { DeskDatabase } from './database';

type DeskIdentity = { deskId: string };

const identityKey = 'desk-identity';

export const ensureDeskId = async (db: DeskDatabase): Promise<string> => {
  const existing = await db.getLocal<DeskIdentity>(identityKey);
  if (existing) return existing.get('deskId');
  const created = await db.insertLocal<DeskIdentity>(identityKey, {
    deskId: uuidv7(),
  });
  return created.get('deskId');
};
