import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { ParticipantView } from '../../../shared/desk/state';
import { formatClock } from './participantFacts';

/** The desk id is a UUIDv7; its tail tells desks apart at a glance. */
export const shortDeskId = (deskId: string): string => deskId.slice(-6);

export const CheckInState = ({ view }: { view: ParticipantView }) => {
  const { t, i18n } = useTranslation();
  const { state } = view;

  if (!state.checkedIn) {
    return (
      <Text c="dimmed" fw={600}>
        {t('card.notCheckedIn')}
      </Text>
    );
  }
  return (
    <Alert color="green" variant="light" p="xs">
      <Text fw={700} c="green.9">
        {t('card.checkedIn', {
          time: formatClock(state.checkedInAt, i18n.language),
          desk: shortDeskId(state.checkedInDesk),
        })}
      </Text>
    </Alert>
  );
};
