// The organizer's calls a desk makes while connecting to a central
// service: sign in, list the events it may see, register this desk.

import type { Result } from '../../contract/result';
import type { CentralEvent, DeskRegistration, LoginResponse } from '../types';
import {
  isDeskRegistration,
  isEventList,
  isLoginResponse,
  shaped,
} from './answerShapes';
import { type Fetch, requestJson } from './httpRequest';

const apiUrl = (url: string, path: string) =>
  `${url.replace(/\/+$/, '')}/api${path}`;

export const loginToCentral = async (
  fetch: Fetch,
  url: string,
  login: string,
  password: string,
  timeoutMs?: number,
): Promise<Result<LoginResponse>> =>
  shaped(
    await requestJson({
      fetch,
      timeoutMs,
      url: apiUrl(url, '/login'),
      method: 'POST',
      body: { login, password },
    }),
    isLoginResponse,
    'sign-in answer',
  );

/** The events the signed-in organizer may see, newest first. */
export const listCentralEvents = async (
  fetch: Fetch,
  url: string,
  sessionToken: string,
): Promise<Result<CentralEvent[]>> => {
  const list = shaped(
    await requestJson({
      fetch,
      url: apiUrl(url, '/events'),
      method: 'GET',
      token: sessionToken,
    }),
    isEventList,
    'event list',
  );
  return list.ok ? { ok: true, value: list.value.events } : list;
};

/**
 * Registers this desk under its own id (so that work done offline before
 * can be pushed), or gives it a new token when it was registered before.
 */
export const registerDesk = async (
  fetch: Fetch,
  url: string,
  sessionToken: string,
  eventId: string,
  desk: { name: string; deskId: string },
): Promise<Result<DeskRegistration>> =>
  shaped(
    await requestJson({
      fetch,
      url: apiUrl(url, `/events/${encodeURIComponent(eventId)}/desks`),
      method: 'POST',
      token: sessionToken,
      body: { name: desk.name, deskId: desk.deskId },
    }),
    isDeskRegistration,
    'desk registration',
  );
