/**
 * Field messages in the reader's language (decision 014). The domain writes each message in
 * English through `fieldMessage(id, params)` (src/domain/field-messages.ts); this module holds one
 * translation per id, a `Record` over every id, so a message added to the domain and not here does
 * not compile. Numbers in the parameters stay numbers until here, and are written per language.
 *
 * zod's own messages (a schema that names none: an API parameter out of range, a missing field)
 * are written in the request's language too: `z.config` asks `zodDefaultMessage` first, which
 * answers for French and leaves English to zod's own words (the API's English stays as it was).
 * Installed when this module loads; src/middleware.ts and src/server/api.ts import it.
 */
import { z } from 'zod';
import { fieldMessageOf, type FieldMessageId, type FieldMessageParams } from '../domain/field-messages.ts';
import { formatDecimal, formatNumber } from '../domain/format-figures.ts';
import type { Language } from '../domain/vocabulary.ts';
import { m } from './messages.ts';
import { currentLanguage, runInLanguage } from './request-language.ts';

const count = (value: number) => formatNumber(value, currentLanguage());
const decimal = (value: number) => formatDecimal(value, 1, currentLanguage());

type Translations = { [Id in FieldMessageId]: (params: FieldMessageParams<Id>) => string };

export const FIELD_TRANSLATIONS: Translations = {
  email_required: () => m.field_email_required(),
  email_too_long: () => m.field_email_too_long(),
  email_invalid: () => m.field_email_invalid(),
  password_required: () => m.field_password_required(),
  password_common: () => m.field_password_common(),
  password_missing: () => m.field_password_missing(),
  characters_at_least: ({ min }) => m.field_characters_at_least({ min: count(min) }),
  characters_at_most: ({ max }) => m.field_characters_at_most({ max: count(max) }),
  display_name_required: () => m.field_display_name_required(),
  display_name_characters: () => m.field_display_name_characters(),
  language_required: () => m.field_language_required(),
  confirm_required: () => m.field_confirm_required(),
  description_max: ({ max }) => m.field_description_max({ max: count(max) }),
  website_max: ({ max }) => m.field_website_max({ max: count(max) }),
  website_invalid: () => m.field_website_invalid(),
  sector_required: () => m.field_sector_required(),
  phone_max: ({ max }) => m.field_phone_max({ max: count(max) }),
  phone_characters: () => m.field_phone_characters(),
  contact_email_max: ({ max }) => m.field_contact_email_max({ max: count(max) }),
  contact_email_invalid: () => m.field_contact_email_invalid(),
  chat_max: ({ max }) => m.field_chat_max({ max: count(max) }),
  chat_https: () => m.field_chat_https(),
  opening_hours_max: ({ max }) => m.field_opening_hours_max({ max: count(max) }),
  keep_it_to: ({ max }) => m.field_keep_it_to({ max: count(max) }),
  reply_required: () => m.field_reply_required(),
  reply_max: ({ max }) => m.field_reply_max({ max: count(max) }),
  promise_date_required: () => m.field_promise_date_required(),
  team_name_max: ({ max }) => m.field_team_name_max({ max: count(max) }),
  reason_max: ({ max }) => m.field_reason_max({ max: count(max) }),
  claim_message_max: ({ max }) => m.field_claim_message_max({ max: count(max) }),
  like_reply_only: () => m.field_like_reply_only(),
  case_closed_to_promises: () => m.field_case_closed_to_promises(),
  case_already_closed: () => m.field_case_already_closed(),
  promise_real_date: () => m.field_promise_real_date(),
  promise_in_past: () => m.field_promise_in_past(),
  promise_too_far: ({ days }) => m.field_promise_too_far({ days: count(days) }),
  image_file_required: () => m.field_image_file_required(),
  image_too_large: ({ name, megabytes }) => m.field_image_too_large({ name, megabytes: decimal(megabytes) }),
  upload_too_large: ({ totalMegabytes }) =>
    m.field_upload_too_large({ totalMegabytes: count(totalMegabytes) }),
  alt_guidance: () => m.field_alt_guidance(),
  images_confirm: () => m.field_images_confirm(),
  image_unreadable: ({ name }) => m.field_image_unreadable({ name }),
  image_format_refused: ({ name, format }) => m.field_image_format_refused({ name, format }),
  image_misnamed: ({ name, named, format }) =>
    named === null
      ? m.field_image_misnamed_other({ name, format })
      : m.field_image_misnamed({ name, named, format }),
  image_too_many_pixels: ({ name, width, height, maxSide }) =>
    m.field_image_too_many_pixels({
      name,
      width: count(width),
      height: count(height),
      maxSide: count(maxSide),
    }),
  image_damaged: ({ name }) => m.field_image_damaged({ name }),
  removal_reason_required: () => m.field_removal_reason_required(),
  image_removal_explain: () => m.field_image_removal_explain(),
  unstorable_character: () => m.field_unstorable_character(),
  flag_reason_required: () => m.field_flag_reason_required(),
  decision_required: () => m.field_decision_required(),
  removal_explain: () => m.field_removal_explain(),
  restore_explain: () => m.field_restore_explain(),
  moderator_reason_required: () => m.field_moderator_reason_required(),
  held_removal_explain: () => m.field_held_removal_explain(),
  brand_required: () => m.field_brand_required(),
  no_brand_named: () => m.field_no_brand_named(),
  merge_same_brand: () => m.field_merge_same_brand(),
  no_such_item: () => m.field_no_such_item(),
  live_one_page: () => m.field_live_one_page(),
  say_resolved: () => m.field_say_resolved(),
  say_would_buy_again: () => m.field_say_would_buy_again(),
  say_helpful: () => m.field_say_helpful(),
  title_required: () => m.field_title_required(),
  title_min: ({ min }) => m.field_title_min({ min: count(min) }),
  title_max: ({ max }) => m.field_title_max({ max: count(max) }),
  story_required: () => m.field_story_required(),
  story_min: ({ min }) => m.field_story_min({ min: count(min) }),
  story_max: ({ max }) => m.field_story_max({ max: count(max) }),
  category_required: () => m.field_category_required(),
  channel_required: () => m.field_channel_required(),
  kind_required: () => m.field_kind_required(),
  story_language_required: () => m.field_story_language_required(),
  date_required: () => m.field_date_required(),
  date_not_real: () => m.field_date_not_real(),
  date_in_future: () => m.field_date_in_future(),
  date_too_old: () => m.field_date_too_old(),
  country_code: () => m.field_country_code(),
  wait_whole_minutes: () => m.field_wait_whole_minutes(),
  wait_negative: () => m.field_wait_negative(),
  wait_max: ({ max }) => m.field_wait_max({ max: count(max) }),
  brand_or_new: () => m.field_brand_or_new(),
  new_brand_name: () => m.field_new_brand_name(),
  new_brand_website: () => m.field_new_brand_website(),
  new_brand_sector: () => m.field_new_brand_sector(),
  brand_gone: () => m.field_brand_gone(),
  duplicate_title: () => m.field_duplicate_title(),
  follow_up_length: ({ min, max }) => m.field_follow_up_length({ min: count(min), max: count(max) }),
  api_cursor_invalid: () => m.field_api_cursor_invalid(),
  api_country_code: () => m.field_api_country_code(),
  webhook_url_required: () => m.field_webhook_url_required(),
  webhook_url_max: ({ max }) => m.field_webhook_url_max({ max: count(max) }),
  webhook_url_http: () => m.field_webhook_url_http(),
  webhook_events_required: () => m.field_webhook_events_required(),
};

/**
 * A message the domain wrote, in the request's language. English is the domain's own text (the
 * catalogue's English is checked against it by test/unit/field-messages.test.ts); any other text
 * (already translated, or written by an action) comes back as it is.
 */
export function translateFieldMessage(text: string, language: Language = currentLanguage()): string {
  if (language === 'en') return text;
  const known = fieldMessageOf(text);
  if (known === null) return text;
  const translate = FIELD_TRANSLATIONS[known.id] as (params: unknown) => string;
  return runInLanguage(language, () => translate(known.params));
}

/** Each field's message in the request's language. */
export function translateFieldErrors(fieldErrors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, message]) => [field, translateFieldMessage(message)]),
  );
}

/** zod's message for an issue whose schema named none, in French; undefined leaves zod's English. */
export function zodDefaultMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (currentLanguage() === 'en') return undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return m.field_default_required();
      return issue.expected === 'number' || issue.expected === 'int' || issue.expected === 'bigint'
        ? m.field_default_expected_number()
        : m.field_default_invalid();
    case 'too_small':
    case 'too_big': {
      const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const words = { count: limit, limit: count(limit) };
      const small = issue.code === 'too_small';
      if (issue.origin === 'string')
        return small ? m.field_default_text_too_short(words) : m.field_default_text_too_long(words);
      if (issue.origin === 'array' || issue.origin === 'set')
        return small ? m.field_default_list_too_short(words) : m.field_default_list_too_long(words);
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        if (small)
          return issue.inclusive === false
            ? m.field_default_number_above(words)
            : m.field_default_number_min(words);
        return issue.inclusive === false
          ? m.field_default_number_below(words)
          : m.field_default_number_max(words);
      }
      return m.field_default_invalid();
    }
    case 'invalid_value':
      return m.field_default_choice();
    case 'invalid_format':
      if (issue.format === 'email') return m.field_default_email();
      if (issue.format === 'url') return m.field_default_url();
      if (issue.format === 'date' || issue.format === 'datetime') return m.field_default_date();
      return m.field_default_format();
    case 'unrecognized_keys':
      return m.field_default_unknown_keys({ keys: issue.keys.join(', ') });
    default:
      return m.field_default_invalid();
  }
}

z.config({ customError: zodDefaultMessage });
