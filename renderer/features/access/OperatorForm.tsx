// A new operator: login, name and a password typed twice. Used for the
// desk's first operator and for adding more.

import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type {
  Operator,
  OperatorDirectory,
} from '../../access/operatorDirectory';
import {
  type AccessField,
  accessErrorField,
  accessErrorText,
} from './accessErrors';

type OperatorFormProps = {
  directory: OperatorDirectory;
  submitLabel: string;
  onAdded(operator: Operator): void;
};

const empty = { login: '', name: '', password: '', repeat: '' };

export const OperatorForm = ({
  directory,
  submitLabel,
  onAdded,
}: OperatorFormProps) => {
  const { t } = useTranslation();
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Partial<Record<AccessField, string>>>(
    {},
  );
  const [busy, setBusy] = useState(false);

  const set = (field: AccessField) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (values.password !== values.repeat) {
      setErrors({ repeat: t('access.mismatch') });
      return;
    }
    setBusy(true);
    const added = await directory.add(
      values.login,
      values.name,
      values.password,
    );
    setBusy(false);
    if (!added.ok) {
      const field = accessErrorField(added.error) ?? 'login';
      setErrors({ [field]: accessErrorText(added.error, t) });
      return;
    }
    setValues(empty);
    onAdded(added.value);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('access.login')}
          value={values.login}
          onChange={(e) => set('login')(e.currentTarget.value)}
          error={errors.login}
          autoComplete="username"
          data-autofocus
        />
        <TextInput
          label={t('access.name')}
          value={values.name}
          onChange={(e) => set('name')(e.currentTarget.value)}
          error={errors.name}
          autoComplete="name"
        />
        <PasswordInput
          label={t('access.password')}
          value={values.password}
          onChange={(e) => set('password')(e.currentTarget.value)}
          error={errors.password}
          autoComplete="new-password"
        />
        <PasswordInput
          label={t('access.repeat')}
          value={values.repeat}
          onChange={(e) => set('repeat')(e.currentTarget.value)}
          error={errors.repeat}
          autoComplete="new-password"
        />
        <Button type="submit" loading={busy}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
};
