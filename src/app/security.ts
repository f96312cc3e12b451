/**
 * The security policy of the installation, as data (data/security.yaml, each value with its
 * source): the least length of a password, the idle and absolute lifetime of a session, the
 * sign-in attempts allowed a minute from one address (docs/security.md). Loaded once with the
 * environment and passed in; nothing here is a figure.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { loadDataFile } from '../domain/located.ts';
import { PROJECT_ROOT } from '../paths.ts';

const value = (min: number, max: number) => z.strictObject({ value: z.number().int().min(min).max(max), unit: z.string().min(1), source: z.string().min(1), assumption: z.boolean() });

export const securityFileSchema = z.strictObject({
  min_password_length: value(8, 256),
  session_idle_minutes: value(1, 24 * 60),
  session_absolute_hours: value(1, 24 * 30),
  sign_in_per_minute: value(1, 10_000),
});

export interface SecurityPolicy {
  minPasswordLength: number;
  session: { idleSeconds: number; absoluteSeconds: number };
  signInPerMinute: number;
}

export const SECURITY_FILE = join(PROJECT_ROOT, 'data/security.yaml');

export function loadSecurityPolicy(path = SECURITY_FILE): SecurityPolicy {
  const { data } = loadDataFile(securityFileSchema, path);
  return {
    minPasswordLength: data.min_password_length.value,
    session: { idleSeconds: data.session_idle_minutes.value * 60, absoluteSeconds: data.session_absolute_hours.value * 3600 },
    signInPerMinute: data.sign_in_per_minute.value,
  };
}
