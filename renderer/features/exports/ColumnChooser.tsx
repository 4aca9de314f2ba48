// The organizer's list's column chooser: any of the purpose's columns, in
// the purpose's order; it can narrow the list, never widen it.

import {
  Button,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Lang } from '../../../shared/i18n/problems';
import { columnById } from '../../../shared/lists/columns';
import { listPurposes } from '../../../shared/lists/purposes';

const allowed: readonly string[] = listPurposes['participant-list'].columns;

export const ColumnChooser = ({
  value,
  onChange,
  lang,
}: {
  value: readonly string[];
  onChange(columns: string[]): void;
  lang: Lang;
}) => {
  const { t } = useTranslation();
  // Kept in the purpose's order whatever order they were ticked in.
  const ordered = (ids: readonly string[]) =>
    allowed.filter((id) => ids.includes(id));

  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text fw={600} size="sm">
          {t('exports.columns', {
            chosen: value.length,
            total: allowed.length,
          })}
        </Text>
        <Button
          size="compact-xs"
          variant="light"
          onClick={() => onChange([...allowed])}
        >
          {t('exports.allColumns')}
        </Button>
        <Button size="compact-xs" variant="light" onClick={() => onChange([])}>
          {t('exports.noColumns')}
        </Button>
      </Group>
      <Checkbox.Group
        value={[...value]}
        onChange={(ids) => onChange(ordered(ids))}
        aria-label={t('exports.columns', {
          chosen: value.length,
          total: allowed.length,
        })}
      >
        <SimpleGrid
          cols={{ base: 2, sm: 3, lg: 5 }}
          spacing={4}
          verticalSpacing={4}
        >
          {allowed.map((id) => (
            <Checkbox
              key={id}
              value={id}
              size="xs"
              label={columnById(id)?.header[lang] ?? id}
            />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </Stack>
  );
};
