// Sign in with login and password, checked offline against the desk's
// operator directory. After a few wrong tries the form makes the operator
// wait (access/attempts.ts). With `login` fixed it unlocks a locked desk.

import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { AttemptGuard } from '../../access/attempts';
import type {
  Operator,
  OperatorDirectory,
} from '../../access/operatorDirectory';
import { accessErrorText } from './accessErrors';

type SignInFormProps = {
  directory: OperatorDirectory;
  guard: AttemptGuard;
  /** Set when unlocking: only this operator may. */
  login?: string;
  submitLabel: string;
  onSignedIn(operator: Operator): void;
};

export const SignInForm = ({
  directory,
  guard,
  login: fixedLogin,
  submitLabel,
  onSignedIn,
}: SignInFormProps) => {
  const { t } = useTranslation();
  const [login, setLogin] = useState(fixedLogin ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const waitMs = guard.waitMs(login, Date.now());
    if (waitMs > 0) {
      setError(t('access.wait', { seconds: Math.ceil(waitMs / 1000) }));
      return;
    }
    setBusy(true);
    const result = await directory.verify(login, password);
    setBusy(false);
    if (!result.ok) {
      guard.failed(login, Date.now());
      setPassword('');
      setError(accessErrorText(result.error, t));
      return;
    }
    guard.succeeded(login);
    onSignedIn(result.value);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        {fixedLogin === undefined && (
          <TextInput
            label={t('access.login')}
            value={login}
            onChange={(e) => {
              setLogin(e.currentTarget.value);
              setError('');
            }}
            autoComplete="username"
            data-autofocus
          />
        )}
        <PasswordInput
          label={t('access.password')}
          value={password}
          onChange={(e) => {
            setPassword(e.currentTarget.value);
            setError('');
          }}
          autoComplete="current-password"
          data-autofocus={fixedLogin !== undefined ? true : undefined}
        />
        {error !== '' && (
          <Alert color="red" role="alert" p="xs">
            {error}
          </Alert>
        )}
        <Button type="submit" loading={busy}>
          {busy ? t('access.signingIn') : submitLabel}
        </Button>
      </Stack>
    </form>
  );
};
