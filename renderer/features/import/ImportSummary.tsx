// What the import would do: counts, the diff against what is stored, and
// the classes found. Nothing here is stored yet.

import { Badge, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { ImportPreview } from '../../../shared/isonen/preview';

const Count = ({ label, value }: { label: string; value: number }) => (
  <div>
    <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
      {label}
    </Text>
    <Text size="xl" fw={700} aria-label={`${label}: ${value}`}>
      {value}
    </Text>
  </div>
);

export const ImportSummary = ({ preview }: { preview: ImportPreview }) => {
  const { t } = useTranslation();
  const { counts, diff, classes } = preview;

  return (
    <SimpleGrid cols={2} spacing="sm">
      <Paper
        withBorder
        p="sm"
        aria-label={t('import.counts')}
        component="section"
      >
        <Text fw={700} mb={4}>
          {t('import.counts')}
        </Text>
        <SimpleGrid cols={5} spacing="xs">
          <Count label={t('import.participants')} value={counts.participants} />
          <Count label={t('import.entries')} value={counts.entries} />
          <Count label={t('import.deregistered')} value={counts.deregistered} />
          <Count label={t('import.classes')} value={classes.length} />
          <Count label={t('import.rows')} value={counts.rows} />
        </SimpleGrid>
      </Paper>
      <Paper
        withBorder
        p="sm"
        aria-label={t('import.diff')}
        component="section"
      >
        <Text fw={700} mb={4}>
          {t('import.diff')}
        </Text>
        <SimpleGrid cols={5} spacing="xs">
          <Count label={t('import.added')} value={diff.added.length} />
          <Count label={t('import.changed')} value={diff.changed.length} />
          <Count
            label={t('import.deregistered')}
            value={diff.deregistered.length}
          />
          <Count label={t('import.missing')} value={diff.missing.length} />
          <Count label={t('import.unchanged')} value={diff.unchanged.length} />
        </SimpleGrid>
      </Paper>
      <Group gap={4} style={{ gridColumn: '1 / -1' }}>
        {classes.map((c) => (
          <Badge key={c.name} variant="light" color="gray">
            {c.name}: {c.participants}
          </Badge>
        ))}
      </Group>
    </SimpleGrid>
  );
};
