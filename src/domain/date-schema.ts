/** An ISO date in a data file (YAML may hand it over as a Date), read as a day number. */
import { z } from 'zod';
import { parseIsoDate } from './dates.ts';
import { customIssue } from './issues.ts';
import { msg } from '../i18n/message.ts';

export const isoDateSchema = z.union([z.string(), z.date()]).transform((v, ctx) => {
  const text = typeof v === 'string' ? v : v.toISOString().slice(0, 10);
  const d = parseIsoDate(text);
  if (d === null) {
    ctx.addIssue(customIssue(msg('data.not_a_date', { received: JSON.stringify(text) })));
    return z.NEVER;
  }
  return d;
});
