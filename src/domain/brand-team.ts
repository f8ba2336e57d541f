/**
 * The forms that change who speaks for a brand (DESIGN §2, §8): the owner
 * invites, revokes invitations and removes members; a moderator transfers
 * ownership. The command decides who may; these say what a valid request is.
 */
import { z } from 'zod';
import { fieldMessage } from './field-messages.ts';
import { emailSchema } from './accounts.ts';
import { brandSlugSchema, recordIdSchema } from './ids.ts';

export const inviteMemberSchema = z.object({ brandSlug: brandSlugSchema, email: emailSchema });

export const revokeInviteSchema = z.object({
  brandSlug: brandSlugSchema,
  inviteId: z.string().trim().min(1).max(64),
});

export const removeMemberSchema = z.object({ brandSlug: brandSlugSchema, userId: recordIdSchema });

export const transferOwnershipSchema = z.object({
  brandSlug: brandSlugSchema,
  email: emailSchema,
  reason: z
    .string()
    .trim()
    .max(300, fieldMessage('reason_max', { max: 300 })),
});
