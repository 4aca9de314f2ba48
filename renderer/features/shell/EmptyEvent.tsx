import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { DemoButton } from '../import/DemoButton';

/** No event open yet: the two ways to get one. */
export const EmptyEvent = ({ onImport }: { onImport(): void }) => {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" maw={560} mx="auto" mt="xl">
      <Stack gap="md" align="flex-start">
        <Title order={2} size="h3">
          {t('empty.title')}
        </Title>
        <Text c="dimmed">{t('empty.body')}</Text>
        <Group>
          <Button onClick={onImport}>{t('empty.import')}</Button>
          <DemoButton onLoaded={() => undefined} />
        </Group>
      </Stack>
    </Paper>
  );
};
