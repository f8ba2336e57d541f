/** What a brand owner can edit on the public profile (DESIGN §3), with user-facing messages. */
import { z } from 'zod';
import { fieldMessage } from './field-messages.ts';
import { normalizeDomain } from './brand-identity.ts';
import { normalizeText } from './text.ts';
import { SECTORS } from './vocabulary.ts';

const optional = (max: number, message: string) =>
  z
    .string()
    .max(max, message)
    .nullish()
    .transform((value) => {
      const text = value ? normalizeText(value) : '';
      return text === '' ? null : text;
    });

const chatUrl = optional(300, fieldMessage('chat_max', { max: 300 })).refine(
  (value) => value === null || /^https:\/\/[^\s/$.?#].[^\s]*$/i.test(value),
  fieldMessage('chat_https'),
);

export const SOCIAL_NETWORKS = ['x', 'facebook', 'instagram', 'linkedin', 'mastodon', 'bluesky'] as const;

export const brandProfileSchema = z.object({
  brandSlug: z.string().max(100),
  description: optional(1000, fieldMessage('description_max', { max: 1000 })),
  website: optional(300, fieldMessage('website_max', { max: 300 })).refine(
    (value) => value === null || normalizeDomain(value) !== null,
    fieldMessage('website_invalid'),
  ),
  sector: z.enum(SECTORS, { error: fieldMessage('sector_required') }),
  phone: optional(40, fieldMessage('phone_max', { max: 40 })).refine(
    (value) => value === null || /^[+()\d\s.-]{5,40}$/.test(value),
    fieldMessage('phone_characters'),
  ),
  email: optional(254, fieldMessage('contact_email_max', { max: 254 })).refine(
    (value) => value === null || z.email().safeParse(value).success,
    fieldMessage('contact_email_invalid'),
  ),
  chatUrl,
  openingHours: optional(200, fieldMessage('opening_hours_max', { max: 200 })),
  ...(Object.fromEntries(
    SOCIAL_NETWORKS.map((network) => [network, optional(100, fieldMessage('keep_it_to', { max: 100 }))]),
  ) as Record<(typeof SOCIAL_NETWORKS)[number], ReturnType<typeof optional>>),
});

export type BrandProfileInput = z.infer<typeof brandProfileSchema>;

/** A brand's official contact channels as its page shows them (stored as JSON on the brand). */
export type ContactChannels = {
  phone: string | null;
  email: string | null;
  chatUrl: string | null;
  social: Record<string, string>;
  openingHours: string | null;
};
