#!/usr/bin/env node
// The `racedesk` command: runs the TypeScript CLI through tsx, so the CLI
// needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
