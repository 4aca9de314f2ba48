// What the central office does to one person between two syncs of a desk:
// a correction (the registration data sent again, changed) and an erasure
// (GDPR), over the service's own routes with the organizer's token.

import { login, request, upsertParticipants } from '../central/test/client';
import type { Participant } from '../shared/domain/participant';
import type { RunningCentral } from './central';

export type CentralOffice = {
  /** Erases the participant: desks pull a participant-erased document. */
  erase(participantId: string): Promise<void>;
  /** Sends the participant again with `changes`; returns what was sent. */
  correct(
    participant: Participant,
    changes: Partial<Participant>,
  ): Promise<Participant>;
};

export const signInCentralOffice = async (
  central: Pick<RunningCentral, 'url' | 'eventId'>,
): Promise<CentralOffice> => {
  const { url, eventId } = central;
  const token = await login(url, 'demo');
  return {
    erase: async (participantId) => {
      const reply = await request(
        url,
        'DELETE',
        `/api/events/${eventId}/participants/${encodeURIComponent(participantId)}`,
        { token },
      );
      if (reply.status !== 204) {
        throw new Error(`erase ${participantId}: ${reply.status}`);
      }
    },
    correct: async (participant, changes) => {
      const corrected = { ...participant, ...changes };
      const reply = await upsertParticipants(url, token, eventId, [corrected]);
      if (reply.status !== 200 || reply.body.updated !== 1) {
        throw new Error(
          `correct ${participant.id}: ${reply.status} ${JSON.stringify(reply.body)}`,
        );
      }
      return corrected;
    },
  };
};
