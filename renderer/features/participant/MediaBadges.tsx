// Media reservations must be impossible to miss for whoever hands out the
// bib (DOMAIN.md): large, filled, red.

import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Participant } from '../../../shared/domain/participant';
import { type MediaReservation, mediaReservations } from './participantFacts';

const labelKey: Record<MediaReservation, string> = {
  photo: 'card.noPhoto',
  video: 'card.noVideo',
  streaming: 'card.noStreaming',
  liveFeed: 'card.noLiveFeed',
};

export const MediaBadges = ({ participant }: { participant: Participant }) => {
  const { t } = useTranslation();
  const reservations = mediaReservations(participant);
  if (reservations.length === 0) return null;

  return (
    <Group gap="xs" role="group" aria-label={t('card.media')}>
      {reservations.map((m) => (
        <Badge
          key={m}
          color="red.8"
          variant="filled"
          size="xl"
          radius="sm"
          styles={{ label: { fontSize: 18, letterSpacing: 0.5 } }}
        >
          {t(labelKey[m])}
        </Badge>
      ))}
    </Group>
  );
};
