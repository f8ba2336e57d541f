import { z } from 'zod';

/** The e-mail notifications a person can turn on or off on /account (all on by default). */
export const NOTIFICATION_KINDS = [
  { key: 'brand_reply', label: 'A brand replies to my post', audience: 'author' },
  { key: 'resolution_proposed', label: 'A brand proposes a resolution on my fail', audience: 'author' },
  { key: 'team_new_fail', label: 'A new fail is posted about my brand', audience: 'team' },
  { key: 'team_follow_up', label: 'A customer follows up on my brand’s case', audience: 'team' },
  { key: 'team_verdict', label: 'A customer gives a verdict on my brand’s case', audience: 'team' },
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]['key'];

/** The settings form: one checkbox per kind (an unticked box is absent from the form, so false). */
export const notificationSettingsSchema = z.object(
  Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind.key, z.boolean()])) as Record<
    NotificationKind,
    z.ZodBoolean
  >,
);

export function wantsNotification(settings: Record<string, boolean>, kind: NotificationKind): boolean {
  return settings[kind] !== false;
}
