// One participant, everything the secretariat must see before handing out
// the bib, with the desk's actions and their keys.

import {
  Alert,
  Badge,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { ParticipantView } from '../../../shared/desk/state';
import {
  fullName,
  type PaymentMethod,
} from '../../../shared/domain/participant';
import { KeyButton } from '../../ui/KeyButton';
import { actionKeys } from '../desk/deskKeys';
import { BibField } from './BibField';
import { CheckInState } from './CheckInState';
import { ChipField } from './ChipField';
import { MediaBadges } from './MediaBadges';
import { PaymentForm } from './PaymentForm';
import {
  birthYear,
  deregisteredAt,
  entryLines,
  isDeregistered,
  paymentStatus,
  registrationIds,
} from './participantFacts';
import { LicenseText, PaymentText } from './StatusTexts';
import { SyncNotes } from './SyncNotes';

type ParticipantCardProps = {
  view: ParticipantView;
  busy: boolean;
  onCheckIn(): void;
  onUndo(): void;
  onNextBib(): void;
  onAssignBib(bib: string): Promise<string | null>;
  onPay(method: PaymentMethod, amount: number): Promise<string | null>;
};

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
      {label}
    </Text>
    <div>{children}</div>
  </div>
);

export const ParticipantCard = ({
  view,
  busy,
  onCheckIn,
  onUndo,
  onNextBib,
  onAssignBib,
  onPay,
}: ParticipantCardProps) => {
  const { t } = useTranslation();
  const { participant: p, state } = view;
  const deregistered = isDeregistered(view);
  const none = t('card.none');
  const payment = paymentStatus(view);
  const owed = payment.kind === 'not-paid' ? payment.amount : 0;

  return (
    <Paper component="section" aria-label={t('card.label')} withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h2" lh={1.1}>
            {fullName(p)}
          </Title>
          {view.lateEntry && (
            <Badge variant="light">{t('card.lateEntry')}</Badge>
          )}
        </Group>

        <MediaBadges participant={p} />

        {deregistered && (
          <Alert color="red.8" variant="filled" role="alert" p="sm">
            <Text fw={800} size="xl">
              {t('card.deregistered')}
            </Text>
            {deregisteredAt(p) !== '' && (
              <Text size="sm">
                {t('card.deregisteredAt', { date: deregisteredAt(p) })}
              </Text>
            )}
          </Alert>
        )}

        <SyncNotes participantId={p.id} />

        <CheckInState view={view} />

        <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs">
          <Fact label={t('card.birthYear')}>
            <Text size="lg">{birthYear(p) || none}</Text>
          </Fact>
          <Fact label={t('card.club')}>
            <Text size="lg">{p.club || none}</Text>
          </Fact>
          <Fact label={t('card.bib')}>
            <Text size="28px" fw={800} ff="monospace" lh={1} data-testid="bib">
              {state.bib || none}
            </Text>
          </Fact>
          <Fact label={t('card.classes')}>
            {entryLines(p).map((line) => (
              <Text key={line} size="md">
                {line}
              </Text>
            ))}
          </Fact>
          <Fact label={t('card.payment')}>
            <PaymentText view={view} />
          </Fact>
          <Fact label={t('card.license')}>
            <LicenseText participant={p} />
          </Fact>
          <Fact label={t('card.chip')}>
            <Text ff="monospace">{state.chip || p.chip || none}</Text>
          </Fact>
          <Fact label={t('card.registration')}>
            <Text size="sm" ff="monospace">
              {registrationIds(p).join(', ') || none}
            </Text>
          </Fact>
          <Fact label={t('card.personId')}>
            <Text size="sm" ff="monospace">
              {p.personId || none}
            </Text>
          </Fact>
        </SimpleGrid>

        <Group gap="sm" align="flex-end" wrap="wrap">
          <KeyButton
            label={t('actions.checkIn')}
            keys={actionKeys['check-in']}
            size="md"
            color="green"
            disabled={deregistered || state.checkedIn || busy}
            onClick={onCheckIn}
          />
          <KeyButton
            label={t('actions.undo')}
            keys={actionKeys.undo}
            variant="default"
            disabled={busy}
            onClick={onUndo}
          />
          <KeyButton
            label={t('actions.nextBib')}
            keys={actionKeys['next-bib']}
            variant="default"
            disabled={deregistered || busy}
            onClick={onNextBib}
          />
          <BibField key={p.id} onAssign={onAssignBib} />
          <ChipField key={`chip-${p.id}`} view={view} />
          {owed > 0 && !deregistered && (
            <PaymentForm key={`${p.id}:${owed}`} owed={owed} onPay={onPay} />
          )}
        </Group>
      </Stack>
    </Paper>
  );
};
