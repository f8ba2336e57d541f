/** What a brand owner can edit on the public profile (DESIGN §3), with user-facing messages. */
import { z } from 'zod';
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

const httpUrl = (label: string) =>
  optional(300, `Keep the ${label} to 300 characters.`).refine(
    (value) => value === null || /^https:\/\/[^\s/$.?#].[^\s]*$/i.test(value),
    `Give the ${label} as a full https:// address.`,
  );

export const SOCIAL_NETWORKS = ['x', 'facebook', 'instagram', 'linkedin', 'mastodon', 'bluesky'] as const;

export const brandProfileSchema = z.object({
  brandSlug: z.string().max(100),
  description: optional(1000, 'Keep the description to 1,000 characters.'),
  website: optional(300, 'Keep the website to 300 characters.').refine(
    (value) => value === null || normalizeDomain(value) !== null,
    'Give the website as an address, e.g. https://brand.com.',
  ),
  sector: z.enum(SECTORS, { error: 'Choose a sector.' }),
  phone: optional(40, 'Keep the phone number to 40 characters.').refine(
    (value) => value === null || /^[+()\d\s.-]{5,40}$/.test(value),
    'Use digits, spaces and + ( ) . - only.',
  ),
  email: optional(254, 'Keep the address to 254 characters.').refine(
    (value) => value === null || z.email().safeParse(value).success,
    'Give an e-mail address like care@brand.com.',
  ),
  chatUrl: httpUrl('chat link'),
  openingHours: optional(200, 'Keep the opening hours to 200 characters.'),
  ...(Object.fromEntries(
    SOCIAL_NETWORKS.map((network) => [network, optional(100, 'Keep it to 100 characters.')]),
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
