import { m } from '../../../../i18n/messages.ts';
import { readDatabase } from '../../../../server/read-database.ts';
import type { APIRoute } from 'astro';
import { cacheTag } from '../../../../server/page-cache.ts';
import { getPostPage } from '../../../../../db/queries/posts.ts';
import { emptyParams } from '../../../../domain/api-params.ts';
import { parsePostId } from '../../../../domain/ids.ts';
import { displayStatus } from '../../../../domain/lifecycle.ts';
import { describeEvent } from '../../../../domain/thread.ts';
import { paths } from '../../../../paths.ts';
import { apiError, handleApi, answer, preflight, queryObject } from '../../../../server/api.ts';
import { imagesView } from '../../../../server/api-views.ts';
import { siteUrl } from '../../../../server/services.ts';

export const GET: APIRoute = (context) =>
  handleApi(context, async () => {
    emptyParams.parse(queryObject(context.url));
    // Not a whole number is a malformed request (400); a number no post has is "not found" (404).
    if (!/^\d{1,20}$/.test(context.params.id ?? '')) return apiError(400, m.api_bad_post_id());
    const id = parsePostId(context.params.id);
    const page = id === null ? null : await getPostPage(readDatabase(context.locals), id);
    // A post held for review is not public yet (its page shows it to its author and moderators only).
    if (!page || page.post.visibility === 'held') return apiError(404, m.api_no_post());
    const { post, brand } = page;
    context.locals.cacheTags = [cacheTag.post(post.id), cacheTag.brand(brand.id)];
    const visible = post.visibility === 'published';
    // Images are served only while the post is public (decision 013).
    const images = visible ? page.images : [];
    return answer('getPost', {
      data: {
        id: post.id,
        visibility: post.visibility,
        removalReason: post.removalReason,
        kind: post.kind,
        title: visible ? post.title : null,
        story: visible ? post.story : null,
        category: post.category,
        channel: post.channel,
        country: post.country,
        waitMinutes: post.waitMinutes,
        experiencedOn: post.experiencedOn,
        status:
          post.status && visible
            ? displayStatus(
                post.status,
                post.createdAt,
                context.locals.now,
                page.promises[0]?.outcome === 'broken',
              )
            : null,
        meTooCount: post.meTooCount,
        helpfulCount: post.helpfulCount,
        exceptionalStory: post.exceptionalSince !== null,
        createdAt: post.createdAt.toISOString(),
        editedVersions: post.revisionCount,
        author: visible ? page.authorName : null,
        brand: { slug: brand.slug, name: brand.name, verified: brand.verifiedAt !== null },
        handler: page.handlerName,
        escalatedTo: post.escalatedTo,
        promises: page.promises.map((p) => ({
          dueOn: p.dueOn,
          outcome: p.outcome,
          madeAt: p.createdAt.toISOString(),
        })),
        verdict: page.verdict
          ? {
              resolved: page.verdict.resolved,
              wouldBuyAgain: page.verdict.wouldBuyAgain,
              changed: page.verdict.changeCount > 0,
            }
          : null,
        images: imagesView(images, null, siteUrl),
        thread: page.messages
          .filter((m) => visible || m.kind === 'brand_reply')
          .map((m) => ({
            id: m.id,
            kind: m.kind,
            author: m.authorName,
            brand: m.brandName,
            body: m.removedAt ? null : m.body,
            template: m.isTemplate,
            edited: m.revisionCount > 0,
            images: m.removedAt ? [] : imagesView(images, m.id, siteUrl),
            createdAt: m.createdAt.toISOString(),
          })),
        events: visible
          ? page.events.map((e) => ({ type: e.type, text: describeEvent(e), at: e.createdAt.toISOString() }))
          : [],
        url: new URL(paths.post(post.id), siteUrl).toString(),
      },
    });
  });

export const OPTIONS: APIRoute = preflight;
