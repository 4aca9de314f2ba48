// Open bib conflicts of the event, each with both people, and the way a
// person settles one: give one of them another bib. The central service
// marks the conflict settled when that change reaches it, and every desk
// pulls the settled record.

import {
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../shared/contract/result';
import type { ParticipantView } from '../../../shared/desk/state';
import type { Operation } from '../../../shared/domain/operation';
import { fullName } from '../../../shared/domain/participant';
import type { BibConflictView } from '../../sync/deskSync';
import { shortDeskId } from '../participant/CheckInState';
import { entryLines, formatClock } from '../participant/participantFacts';
import { useDesk } from '../shell/deskContext';
import { errorText } from '../shell/errorText';

type Side = 'holder' | 'claimant';

const PersonBox = ({
  side,
  view,
  id,
}: {
  side: Side;
  view: ParticipantView | undefined;
  id: string;
}) => {
  const { t } = useTranslation();
  const { store, reportSaved } = useDesk();
  const [bib, setBib] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const label = t(`sync.conflicts.${side}`);

  if (!view) {
    return (
      <Stack gap={2}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        <Text>{t('sync.conflicts.unknown', { id })}</Text>
      </Stack>
    );
  }
  const name = fullName(view.participant);

  const settle = async (give: () => Promise<Result<Operation>>) => {
    setBusy(true);
    setProblem('');
    const result = await give();
    setBusy(false);
    if (!result.ok) {
      setProblem(errorText(result.error, t));
      return;
    }
    const op = result.value;
    const given = op.type === 'bib-assign' ? op.payload.bib : '';
    setBib('');
    reportSaved(
      { key: 'done.bib', params: { bib: given } },
      name,
      view.participant.id,
    );
  };

  const giveTyped = (event: FormEvent) => {
    event.preventDefault();
    if (bib.trim() !== '') {
      void settle(() => store.assignBib(view.participant.id, bib.trim()));
    }
  };

  return (
    <Stack gap={4} aria-label={`${label}: ${name}`} role="group">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} size="lg">
        {name}
      </Text>
      <Text size="sm">
        {[view.participant.club, ...entryLines(view.participant)]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      <Group gap="xs">
        <Badge variant="light" color="gray" tt="none" ff="monospace">
          {view.state.bib
            ? t('sync.conflicts.bib', { bib: view.state.bib })
            : t('sync.conflicts.noBib')}
        </Badge>
        <Badge
          variant="light"
          color={view.state.checkedIn ? 'green' : 'gray'}
          tt="none"
        >
          {t(
            view.state.checkedIn
              ? 'sync.conflicts.checkedIn'
              : 'sync.conflicts.notCheckedIn',
          )}
        </Badge>
      </Group>
      <Group gap="xs" align="flex-end">
        <Button
          size="xs"
          variant="light"
          loading={busy}
          onClick={() =>
            void settle(() => store.assignNextBib(view.participant.id))
          }
        >
          {t('sync.conflicts.nextBib', { name })}
        </Button>
      </Group>
      <form onSubmit={giveTyped}>
        <Group gap="xs" align="flex-end">
          <TextInput
            size="xs"
            w={120}
            label={t('sync.conflicts.otherBibShort')}
            aria-label={t('sync.conflicts.otherBib', { name })}
            value={bib}
            onChange={(e) => setBib(e.currentTarget.value)}
            inputMode="numeric"
          />
          <Button size="xs" type="submit" variant="default" disabled={busy}>
            {t('sync.conflicts.give')}
          </Button>
        </Group>
      </form>
      {problem !== '' && (
        <Text size="sm" c="red.8" role="alert">
          {problem}
        </Text>
      )}
    </Stack>
  );
};

const ConflictCard = ({ view }: { view: BibConflictView }) => {
  const { t, i18n } = useTranslation();
  const { conflict } = view;
  const heading = t('sync.conflicts.heading', { bib: conflict.bib });

  return (
    <Paper
      component="article"
      aria-label={heading}
      withBorder
      p="sm"
      style={{ borderColor: 'var(--mantine-color-red-6)' }}
    >
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {heading}
        </Title>
        <Text size="sm" c="dimmed">
          {t('sync.conflicts.since', {
            time: formatClock(conflict.createdAt, i18n.language),
            desk: conflict.deskId ? shortDeskId(conflict.deskId) : '–',
          })}
        </Text>
      </Group>
      <SimpleGrid cols={2} spacing="md">
        <PersonBox side="holder" view={view.holder} id={conflict.holderId} />
        <PersonBox
          side="claimant"
          view={view.claimant}
          id={conflict.claimantId}
        />
      </SimpleGrid>
    </Paper>
  );
};

export const ConflictList = () => {
  const { t } = useTranslation();
  const { store } = useDesk();
  const open = store.sync
    .conflicts()
    .filter((c) => c.conflict.status === 'open');

  return (
    <Paper
      component="section"
      aria-label={t('sync.conflicts.title')}
      withBorder
      p="md"
    >
      <Group justify="space-between" mb={4}>
        <Title order={2} size="h4">
          {t('sync.conflicts.title')}
        </Title>
        {open.length > 0 && (
          <Badge color="red" tt="none">
            {t('sync.conflicts.count', { count: open.length })}
          </Badge>
        )}
      </Group>
      {open.length === 0 ? (
        <Text>{t('sync.conflicts.none')}</Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('sync.conflicts.settleHint')}
          </Text>
          {open.map((view) => (
            <ConflictCard key={view.conflict.id} view={view} />
          ))}
        </Stack>
      )}
    </Paper>
  );
};
