// The late entry form: creates the participant on the spot, then the desk
// opens their card. Errors stand beside the fields they concern.

import {
  Button,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ParticipantView } from '../../../shared/desk/state';
import type { Gender, PaymentMethod } from '../../../shared/domain/participant';
import { useDesk } from '../shell/deskContext';
import { errorText } from '../shell/errorText';
import {
  checkLateEntry,
  emptyLateEntry,
  type LateEntryField,
  type LateEntryValues,
} from './lateEntryForm';

type LateEntryModalProps = {
  opened: boolean;
  onClose(): void;
  onCreated(view: ParticipantView): void;
};

const genders: Gender[] = ['female', 'male'];
const methods: PaymentMethod[] = ['vipps', 'card', 'invoice', 'cash'];

const today = () => new Date().toISOString().slice(0, 10);

export const LateEntryModal = ({
  opened,
  onClose,
  onCreated,
}: LateEntryModalProps) => {
  const { t } = useTranslation();
  const { store, reportSaved, reportError } = useDesk();
  const [values, setValues] = useState<LateEntryValues>(emptyLateEntry);
  const [errors, setErrors] = useState<Partial<Record<LateEntryField, string>>>(
    {},
  );
  const [saving, setSaving] = useState(false);

  const set = (field: LateEntryField) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const close = () => {
    setValues(emptyLateEntry);
    setErrors({});
    onClose();
  };

  const submit = async () => {
    const check = checkLateEntry(values, today());
    if (!check.ok) {
      setErrors(
        Object.fromEntries(
          Object.entries(check.errors).map(([field, key]) => [field, t(key)]),
        ),
      );
      return;
    }
    setSaving(true);
    const result = await store.addLateEntry(check.entry);
    setSaving(false);
    if (!result.ok) {
      // The store checks the entry again (a class may have gone meanwhile);
      // its complaint about a field goes beside that field.
      const message = errorText(result.error, t);
      const field = result.error.data?.field;
      const known = Object.keys(emptyLateEntry).find((f) => f === field);
      if (known) setErrors((e) => ({ ...e, [known]: message }));
      reportError(message);
      return;
    }
    reportSaved(
      { key: 'done.lateEntry' },
      `${check.entry.firstName} ${check.entry.lastName}`,
      result.value.participant.id,
    );
    setValues(emptyLateEntry);
    setErrors({});
    onCreated(result.value);
  };

  const text = (field: LateEntryField, label: string) => ({
    label,
    value: values[field],
    error: errors[field],
    onChange: (e: { currentTarget: { value: string } }) =>
      set(field)(e.currentTarget.value),
  });

  const classOptions = store.classes().map((c) => c.className);

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('late.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('late.close') }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
          <TextInput
            {...text('firstName', t('late.firstName'))}
            data-autofocus
            required
          />
          <TextInput {...text('lastName', t('late.lastName'))} required />
          <TextInput
            {...text('birthDate', t('late.birthDate'))}
            placeholder={t('late.birthDatePlaceholder')}
            required
          />
          <NativeSelect
            {...text('gender', t('late.gender'))}
            required
            data={[
              { value: '', label: '' },
              ...genders.map((g) => ({ value: g, label: t(`late.${g}`) })),
            ]}
          />
          <TextInput {...text('club', t('late.club'))} />
          <NativeSelect
            {...text('className', t('late.className'))}
            required
            data={[
              { value: '', label: t('late.chooseClass') },
              ...classOptions.map((c) => ({ value: c, label: c })),
            ]}
          />
          <NativeSelect
            {...text('paymentMethod', t('late.paymentMethod'))}
            required
            data={methods.map((m) => ({ value: m, label: t(`payment.${m}`) }))}
          />
          <TextInput
            {...text('amount', t('late.amount'))}
            inputMode="decimal"
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={close}>
            {t('late.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('late.submit')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
};
