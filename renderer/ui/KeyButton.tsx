// A button that shows its keyboard shortcut. The accessible name is the
// label alone (aria-keyshortcuts carries the keys), so tests and screen
// readers find "Sjekk inn", not "Sjekk inn Enter".

import { Button, type ButtonProps, Group, Kbd } from '@mantine/core';

/** Keys as aria-keyshortcuts spells them. */
const ariaKey = (key: string) =>
  key.replace('Ctrl', 'Control').replace(/^Esc$/, 'Escape');

type KeyButtonProps = ButtonProps & {
  label: string;
  keys: readonly string[];
  onClick(): void;
};

export const KeyButton = ({
  label,
  keys,
  onClick,
  ...rest
}: KeyButtonProps) => (
  <Button
    {...rest}
    aria-label={label}
    aria-keyshortcuts={keys.map(ariaKey).join(' ')}
    onClick={onClick}
  >
    <Group gap={6} wrap="nowrap">
      <span>{label}</span>
      {keys.map((key) => (
        <Kbd key={key} size="xs">
          {key}
        </Kbd>
      ))}
    </Group>
  </Button>
);
