// Typing a bib by hand. A taken bib is refused by the store; the error,
// with the holder's name, stays beside the field until the next try.

import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

// Rendered with key={participantId}: a new participant gets an empty field.
type BibFieldProps = {
  /** Resolves to an error text, or null when the bib was assigned. */
  onAssign(bib: string): Promise<string | null>;
};

export const BibField = ({ onAssign }: BibFieldProps) => {
  const { t } = useTranslation();
  const [bib, setBib] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (bib.trim() === '') return;
    const result = await onAssign(bib.trim());
    setError(result);
    if (result === null) setBib('');
  };

  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <TextInput
        label={t('actions.bibInput')}
        value={bib}
        error={error}
        inputMode="numeric"
        w={200}
        onChange={(e) => setBib(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          // Enter here assigns the bib; it must not also check in.
          e.preventDefault();
          e.stopPropagation();
          void submit();
        }}
      />
      <Button variant="default" mt={25} onClick={() => void submit()}>
        {t('actions.assignBib')}
      </Button>
    </Group>
  );
};
