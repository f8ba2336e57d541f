/**
 * Every sentence the domain says about a form field, by a stable id (decision 014). The schemas
 * and rules write the English text through `fieldMessage(id, params)`, so the API and the open
 * data keep English; the form layer shows the same message in the reader's language through
 * src/i18n/field-messages.ts, whose `Record<FieldMessageId, …>` the compiler keeps complete.
 *
 * A zod issue carries only text, so each text written here is remembered with its id and
 * parameters (`fieldMessageOf`): the form layer finds the id back from the text. Two ids may not
 * write the same English text (that would make the text ambiguous): `fieldMessage` throws.
 * Pure: no I/O, no message catalogue.
 */
import { formatNumber } from './format-figures.ts';

const n = (count: number) => formatNumber(count, 'en');

export const FIELD_MESSAGES = {
  // accounts
  email_required: () => 'Enter your e-mail address.',
  email_too_long: () => 'That e-mail address is too long.',
  email_invalid: () => 'Enter an e-mail address like name@example.com.',
  password_required: () => 'Choose a password.',
  password_common: () => 'This password is among the most common ones. Choose another.',
  password_missing: () => 'Enter your password.',
  characters_at_least: ({ min }: { min: number }) => `Use at least ${n(min)} characters.`,
  characters_at_most: ({ max }: { max: number }) => `Use at most ${n(max)} characters.`,
  display_name_required: () => 'Choose a display name.',
  display_name_characters: () => 'Use letters, numbers and ordinary punctuation.',
  language_required: () => 'Choose a language.',
  confirm_required: () => 'Tick the box to confirm.',
  // brand profile
  description_max: ({ max }: { max: number }) => `Keep the description to ${n(max)} characters.`,
  website_max: ({ max }: { max: number }) => `Keep the website to ${n(max)} characters.`,
  website_invalid: () => 'Give the website as an address, e.g. https://brand.com.',
  sector_required: () => 'Choose a sector.',
  phone_max: ({ max }: { max: number }) => `Keep the phone number to ${n(max)} characters.`,
  phone_characters: () => 'Use digits, spaces and + ( ) . - only.',
  contact_email_max: ({ max }: { max: number }) => `Keep the address to ${n(max)} characters.`,
  contact_email_invalid: () => 'Give an e-mail address like care@brand.com.',
  chat_max: ({ max }: { max: number }) => `Keep the chat link to ${n(max)} characters.`,
  chat_https: () => 'Give the chat link as a full https:// address.',
  opening_hours_max: ({ max }: { max: number }) => `Keep the opening hours to ${n(max)} characters.`,
  keep_it_to: ({ max }: { max: number }) => `Keep it to ${n(max)} characters.`,
  // brand replies and team
  reply_required: () => 'Write your reply.',
  reply_max: ({ max }: { max: number }) => `Keep the reply to ${n(max)} characters.`,
  promise_date_required: () => 'Give the promised date.',
  team_name_max: ({ max }: { max: number }) => `Keep the team name to ${n(max)} characters.`,
  reason_max: ({ max }: { max: number }) => `Keep the reason to ${n(max)} characters.`,
  claim_message_max: ({ max }: { max: number }) => `Keep the message to ${n(max)} characters.`,
  like_reply_only: () => 'A like takes a reply only: no promise, escalation or resolution.',
  case_closed_to_promises: () => 'This case is closed: no new promise.',
  case_already_closed: () => 'This case is already closed.',
  promise_real_date: () => 'Give a real date.',
  promise_in_past: () => 'A promise cannot be dated in the past.',
  promise_too_far: ({ days }: { days: number }) => `Promise a date at most ${n(days)} days ahead.`,
  // images
  image_file_required: () => 'Choose an image file.',
  image_too_large: ({ name, megabytes }: { name: string; megabytes: number }) =>
    `“${name}” is ${megabytes.toFixed(1)} MB: each image may be 5 MB at most.`,
  alt_guidance: () =>
    'Describe what the image shows for people who cannot see it, e.g. “Error F3086 on the router’s screen”.',
  upload_too_large: ({ totalMegabytes }: { totalMegabytes: number }) =>
    `Your images were not saved: together they were over ${n(totalMegabytes)} MB (each may be 5 MB at most). Your text is kept: attach fewer or smaller images and send again.`,
  images_confirm: () => 'Confirm that your images show nothing private about anyone else, or remove them.',
  image_unreadable: ({ name }: { name: string }) =>
    `“${name}” is not an image we can read. Attach a photo or a screenshot in JPEG, PNG, WebP or AVIF.`,
  image_format_refused: ({ name, format }: { name: string; format: string }) =>
    `“${name}” is ${article(format)} ${format} image, which we do not accept. Attach a photo or a screenshot in JPEG, PNG, WebP or AVIF.`,
  image_misnamed: ({ name, named, format }: { name: string; named: string | null; format: string }) =>
    `“${name}” is named like ${named === null ? 'another' : `${article(named)} ${named}`} file but holds ${article(format)} ${format} image. Save it again under its real type and attach it again.`,
  image_too_many_pixels: ({
    name,
    width,
    height,
    maxSide,
  }: {
    name: string;
    width: number;
    height: number;
    maxSide: number;
  }) =>
    `“${name}” is ${n(width)} × ${n(height)} pixels: too large to process. Attach a screenshot or a photo of at most ${n(maxSide)} pixels a side (40 megapixels).`,
  image_damaged: ({ name }: { name: string }) =>
    `“${name}” could not be read as an image: it may be damaged. Save it again and attach it again.`,
  // moderation
  removal_reason_required: () => 'Choose the reason for the removal.',
  image_removal_explain: () => 'Explain the removal: readers see it in place of the image.',
  unstorable_character: () => 'This text contains a character we cannot store.',
  flag_reason_required: () => 'Choose what is wrong with it.',
  decision_required: () => 'Choose a decision.',
  removal_explain: () => 'Explain the removal: readers see it on the notice.',
  restore_explain: () => 'Say why the item comes back.',
  moderator_reason_required: () => 'Give the reason (it goes to the audit log).',
  held_removal_explain: () => 'Explain the removal: the author and readers see it on the notice.',
  brand_required: () => 'Choose a brand.',
  no_brand_named: () => 'No brand has this address name.',
  merge_same_brand: () => 'Choose two different brands: a brand cannot be merged into itself.',
  no_such_item: () => 'No such item.',
  live_one_page: () => 'Ask for one page: brand, post or inbox.',
  // posts, follow-ups, verdicts
  say_resolved: () => 'Say whether it was resolved.',
  say_would_buy_again: () => 'Say whether you would buy from them again.',
  say_helpful: () => 'Say whether the post is helpful.',
  title_required: () => 'Give your post a title.',
  title_min: ({ min }: { min: number }) => `Give your post a title of at least ${n(min)} characters.`,
  title_max: ({ max }: { max: number }) => `Keep the title to ${n(max)} characters.`,
  story_required: () => 'Tell what happened.',
  story_min: ({ min }: { min: number }) => `Tell what happened in at least ${n(min)} characters.`,
  story_max: ({ max }: { max: number }) => `Keep the story to ${n(max)} characters.`,
  category_required: () => 'Choose what it was about.',
  channel_required: () => 'Choose how you contacted them.',
  kind_required: () => 'Choose like or fail.',
  story_language_required: () => 'Choose the language of your story.',
  date_required: () => 'Give the date it happened.',
  date_not_real: () => 'That date does not exist.',
  date_in_future: () => 'The date cannot be in the future.',
  date_too_old: () => 'Give a date after 1 January 2000.',
  country_code: () => 'Use a two-letter country code, e.g. FR.',
  wait_whole_minutes: () => 'Give the waiting time in whole minutes.',
  wait_negative: () => 'The waiting time cannot be negative.',
  wait_max: ({ max }: { max: number }) => `Give a waiting time of at most a week (${n(max)} minutes).`,
  brand_or_new: () => 'Choose a brand, or give the name of a new one.',
  new_brand_name: () => 'Give the brand’s name.',
  new_brand_website: () => 'Give the brand’s website, e.g. brand.com, so nobody creates it twice.',
  new_brand_sector: () => 'Choose the brand’s sector.',
  brand_gone: () => 'That brand is not on the board any more. Choose another.',
  duplicate_title: () => 'You already posted this title about this brand in the last 24 hours.',
  follow_up_length: ({ min, max }: { min: number; max: number }) =>
    `Write between ${n(min)} and ${n(max)} characters.`,
  // the public API's parameters (after "name: ")
  api_cursor_invalid: () => 'not a cursor from a previous page',
  api_country_code: () => 'use a two-letter country code',
  // webhooks
  webhook_url_required: () => 'Give the address that receives the deliveries.',
  webhook_url_max: ({ max }: { max: number }) => `Keep the address to ${n(max)} characters.`,
  webhook_url_http: () => 'Give a full http(s):// address.',
  webhook_events_required: () => 'Choose at least one event.',
} as const;

/** "a PNG", "an AVIF", "an SVG": the English article before a format's name, as it is read aloud. */
function article(format: string): string {
  return /^(AVIF|SVG|[AEIOU])/.test(format) ? 'an' : 'a';
}

export type FieldMessageId = keyof typeof FIELD_MESSAGES;
export type FieldMessageParams<Id extends FieldMessageId> = Parameters<(typeof FIELD_MESSAGES)[Id]>[0];

/** A message as the domain wrote it: its id and parameters. */
export type KnownFieldMessage = {
  [Id in FieldMessageId]: { id: Id; params: FieldMessageParams<Id> };
}[FieldMessageId];

// Texts written so far → their id. Most come from constants, written once when the schemas are
// built; a message that quotes what the person sent (a file's name) makes a new text per upload,
// so those are kept apart and the oldest forgotten past a bound (a form reads its message at once).
const written = new Map<string, KnownFieldMessage>();
const quoting = new Map<string, KnownFieldMessage>();
const QUOTING_MAX = 1000;

/** The English text of a field message, remembered so the form layer can translate it. */
export function fieldMessage<Id extends FieldMessageId>(
  id: Id,
  ...params: FieldMessageParams<Id> extends undefined ? [] : [FieldMessageParams<Id>]
): string {
  const [given] = params as [FieldMessageParams<Id>?];
  const text = (FIELD_MESSAGES[id] as (params: FieldMessageParams<Id> | undefined) => string)(given);
  const known = fieldMessageOf(text);
  if (known && known.id !== id) throw new Error(`Field messages ${known.id} and ${id} both write “${text}”`);
  if (known) return text;
  const quotes = typeof given === 'object' && given !== null && 'name' in given;
  if (quotes && quoting.size >= QUOTING_MAX) quoting.delete(quoting.keys().next().value!);
  (quotes ? quoting : written).set(text, { id, params: given } as KnownFieldMessage);
  return text;
}

/** The id and parameters of a text `fieldMessage` wrote, or null for any other text. */
export function fieldMessageOf(text: string): KnownFieldMessage | null {
  return written.get(text) ?? quoting.get(text) ?? null;
}
