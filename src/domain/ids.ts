import { z } from 'zod';
import { fieldMessage } from './field-messages.ts';

/** Ids are PostgreSQL `integer`s: anything above this is no record, not a database error. */
export const MAX_RECORD_ID = 2_147_483_647;

/** A record id in a form: a whole number the database can hold, else the form says no such item. */
export const recordIdSchema = z
  .number({ error: fieldMessage('no_such_item') })
  .int(fieldMessage('no_such_item'))
  .positive(fieldMessage('no_such_item'))
  .max(MAX_RECORD_ID, fieldMessage('no_such_item'));

/** A brand's address name in a form; an unknown one is "no such brand" for the command to say. */
export const brandSlugSchema = z.string().max(100);

/** Parses a public numeric id from a URL segment; anything else is "no such page". */
export function parsePostId(value: string | undefined): number | null {
  if (!value || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= MAX_RECORD_ID ? id : null;
}
