// Pairing a chip at check-in: typed, or read from a connected reader (the
// next card put on it fills the field). A rental chip is flagged so it is
// collected back after the race; a chip another live participant holds is
// refused with their name.

import { Badge, Button, Checkbox, Group, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ParticipantView } from '../../../shared/desk/state';
import { fullName } from '../../../shared/domain/participant';
import { getDeskApi } from '../../bridge/getDeskApi';
import { useDesk } from '../shell/deskContext';

// Rendered with key={participantId}: a new participant gets a fresh field.
export const ChipField = ({ view }: { view: ParticipantView }) => {
  const { t } = useTranslation();
  const { store, reportSaved } = useDesk();
  const [chip, setChip] = useState('');
  const [rental, setRental] = useState(view.state.chipRental);
  const [listening, setListening] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!listening) return;
    let off: () => void = () => undefined;
    let live = true;
    void getDeskApi().then((api) => {
      if (!live) return;
      off = api.on('devices:readout', ({ chip: read }) => {
        setChip(read);
        setListening(false);
      });
    });
    return () => {
      live = false;
      off();
    };
  }, [listening]);

  const submit = async () => {
    const typed = chip.trim();
    if (typed === '') return;
    const result = await store.timing.assignChip(
      view.participant.id,
      typed,
      rental,
    );
    if (result.ok) {
      setError(null);
      setChip('');
      reportSaved(
        { key: 'devices.chip.saved' },
        fullName(view.participant),
        view.participant.id,
      );
      return;
    }
    const { code, data } = result.error;
    setError(
      code === 'chip-taken'
        ? t('devices.chip.taken', {
            chip: typed,
            name: String(data?.holderName ?? ''),
          })
        : code === 'bad-chip'
          ? t('devices.chip.bad')
          : result.error.message,
    );
  };

  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <TextInput
        label={t('devices.chip.label')}
        placeholder={listening ? t('devices.chip.listening') : ''}
        value={chip}
        error={error}
        inputMode="numeric"
        w={180}
        onChange={(e) => setChip(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          // Enter here sets the chip; it must not also check in.
          e.preventDefault();
          e.stopPropagation();
          void submit();
        }}
      />
      <Checkbox
        mt={32}
        label={t('devices.chip.rental')}
        checked={rental}
        onChange={(e) => setRental(e.currentTarget.checked)}
      />
      <Button variant="default" mt={25} onClick={() => void submit()}>
        {t('devices.chip.assign')}
      </Button>
      <Button
        variant={listening ? 'filled' : 'light'}
        mt={25}
        aria-pressed={listening}
        onClick={() => setListening((on) => !on)}
      >
        {listening ? t('devices.chip.listening') : t('devices.chip.listen')}
      </Button>
      {view.state.chipRental && view.state.chip !== '' && (
        <Badge color="orange" mt={30} tt="none">
          {t('devices.chip.rentalBadge')}
        </Badge>
      )}
    </Group>
  );
};
