/**
 * Everything the board holds about one person, for "Download my data"
 * (DESIGN §8): the account, their posts with every earlier version, the thread
 * messages they wrote with theirs, verdicts, "me too", flags, sessions, brand
 * memberships, claims, promises made for a brand, and the images they attached. Secrets never leave: no
 * password hash, no session or token hashes, no webhook secrets. Only rows the
 * person wrote or that describe them; other people appear by nothing more
 * than the public name of the brand.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { imagesOfUploader } from './images.ts';
import {
  brandClaims,
  brandMembers,
  brands,
  flags,
  meToos,
  helpfulMarks,
  messageRevisions,
  postRevisions,
  posts,
  promises,
  sessions,
  threadMessages,
  users,
  verdicts,
} from '../schema.ts';

/** The person's data, or null when no live account has this id (a deleted account has none left). */
export async function readPersonalData(db: Db, userId: number) {
  const [account] = await db
    .select({
      id: users.id,
      email: users.email,
      emailVerifiedAt: users.emailVerifiedAt,
      displayName: users.displayName,
      role: users.role,
      notificationSettings: users.notificationSettings,
      suspendedAt: users.suspendedAt,
      suspendedReason: users.suspendedReason,
      createdAt: users.createdAt,
      deletedAt: users.deletedAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!account || account.deletedAt) return null;

  const ownPosts = await db
    .select({
      id: posts.id,
      brand: brands.slug,
      brandName: brands.name,
      kind: posts.kind,
      title: posts.title,
      story: posts.story,
      category: posts.category,
      channel: posts.channel,
      experiencedOn: posts.experiencedOn,
      country: posts.country,
      waitMinutes: posts.waitMinutes,
      status: posts.status,
      visibility: posts.visibility,
      removalReason: posts.removalReason,
      withdrawnAt: posts.withdrawnAt,
      createdAt: posts.createdAt,
      updatedAt: posts.updatedAt,
    })
    .from(posts)
    .innerJoin(brands, eq(brands.id, posts.brandId))
    .where(eq(posts.authorId, userId))
    .orderBy(asc(posts.createdAt), asc(posts.id));
  const postIds = ownPosts.map((post) => post.id);
  const revisions =
    postIds.length === 0
      ? []
      : await db
          .select({
            postId: postRevisions.postId,
            revision: postRevisions.revision,
            title: postRevisions.title,
            story: postRevisions.story,
            category: postRevisions.category,
            channel: postRevisions.channel,
            publishedAt: postRevisions.createdAt,
          })
          .from(postRevisions)
          .where(inArray(postRevisions.postId, postIds))
          .orderBy(asc(postRevisions.postId), asc(postRevisions.revision));

  const messages = await db
    .select({
      id: threadMessages.id,
      postId: threadMessages.postId,
      kind: threadMessages.kind,
      forBrand: brands.slug,
      body: threadMessages.body,
      removedAt: threadMessages.removedAt,
      removalReason: threadMessages.removalReason,
      createdAt: threadMessages.createdAt,
      updatedAt: threadMessages.updatedAt,
    })
    .from(threadMessages)
    .leftJoin(brands, eq(brands.id, threadMessages.brandId))
    .where(eq(threadMessages.authorId, userId))
    .orderBy(asc(threadMessages.createdAt), asc(threadMessages.id));
  const messageIds = messages.map((message) => message.id);
  const messageVersions =
    messageIds.length === 0
      ? []
      : await db
          .select({
            messageId: messageRevisions.messageId,
            revision: messageRevisions.revision,
            body: messageRevisions.body,
            publishedAt: messageRevisions.createdAt,
          })
          .from(messageRevisions)
          .where(inArray(messageRevisions.messageId, messageIds))
          .orderBy(asc(messageRevisions.messageId), asc(messageRevisions.revision));

  const [verdictRows, meTooRows, helpfulRows, flagRows, sessionRows, membershipRows, claimRows, promiseRows] =
    await Promise.all([
      db
        .select({
          postId: verdicts.postId,
          resolved: verdicts.resolved,
          wouldBuyAgain: verdicts.wouldBuyAgain,
          changeCount: verdicts.changeCount,
          createdAt: verdicts.createdAt,
          updatedAt: verdicts.updatedAt,
        })
        .from(verdicts)
        .where(eq(verdicts.userId, userId))
        .orderBy(asc(verdicts.createdAt)),
      db
        .select({ postId: meToos.postId, createdAt: meToos.createdAt })
        .from(meToos)
        .where(eq(meToos.userId, userId))
        .orderBy(asc(meToos.createdAt)),
      db
        .select({ postId: helpfulMarks.postId, createdAt: helpfulMarks.createdAt })
        .from(helpfulMarks)
        .where(eq(helpfulMarks.userId, userId))
        .orderBy(asc(helpfulMarks.createdAt)),
      db
        .select({
          id: flags.id,
          postId: flags.postId,
          messageId: flags.messageId,
          asBrand: brands.slug,
          reason: flags.reason,
          note: flags.note,
          status: flags.status,
          decidedAt: flags.decidedAt,
          createdAt: flags.createdAt,
        })
        .from(flags)
        .leftJoin(brands, eq(brands.id, flags.flaggerBrandId))
        .where(eq(flags.userId, userId))
        .orderBy(asc(flags.createdAt)),
      // Never the id (half of the cookie) nor the secret's hash.
      db
        .select({
          createdAt: sessions.createdAt,
          lastActiveAt: sessions.lastActiveAt,
          userAgent: sessions.userAgent,
          ipAddress: sessions.ipAddress,
        })
        .from(sessions)
        .where(eq(sessions.userId, userId))
        .orderBy(asc(sessions.createdAt)),
      db
        .select({
          brand: brands.slug,
          brandName: brands.name,
          role: brandMembers.role,
          since: brandMembers.createdAt,
        })
        .from(brandMembers)
        .innerJoin(brands, eq(brands.id, brandMembers.brandId))
        .where(eq(brandMembers.userId, userId))
        .orderBy(asc(brandMembers.createdAt)),
      db
        .select({
          id: brandClaims.id,
          brand: brands.slug,
          workEmail: brandClaims.workEmail,
          message: brandClaims.message,
          status: brandClaims.status,
          decidedAt: brandClaims.decidedAt,
          createdAt: brandClaims.createdAt,
        })
        .from(brandClaims)
        .innerJoin(brands, eq(brands.id, brandClaims.brandId))
        .where(eq(brandClaims.userId, userId))
        .orderBy(asc(brandClaims.createdAt)),
      db
        .select({
          postId: promises.postId,
          brand: brands.slug,
          dueOn: promises.dueOn,
          outcome: promises.outcome,
          createdAt: promises.createdAt,
        })
        .from(promises)
        .innerJoin(brands, eq(brands.id, promises.brandId))
        .where(eq(promises.madeById, userId))
        .orderBy(asc(promises.createdAt)),
    ]);

  const imageRows = await imagesOfUploader(db, userId);

  const { deletedAt: _deleted, ...accountFields } = account;
  return {
    account: accountFields,
    posts: ownPosts.map((post) => ({
      ...post,
      earlierVersions: revisions.filter((revision) => revision.postId === post.id),
    })),
    threadMessages: messages.map((message) => ({
      ...message,
      earlierVersions: messageVersions.filter((version) => version.messageId === message.id),
    })),
    verdicts: verdictRows,
    meToos: meTooRows,
    helpfulMarks: helpfulRows,
    flags: flagRows,
    sessions: sessionRows,
    brandMemberships: membershipRows,
    brandClaims: claimRows,
    promisesMade: promiseRows,
    /** The images the person attached (the page adds their addresses). */
    images: imageRows,
  };
}
