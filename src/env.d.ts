/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The database handle for this request (injected directly in component tests). */
    db: import('../db/client.ts').Database;
    /**
     * The handle pages read with (`readDatabase(locals)`, src/server/read-database.ts): the read
     * replica for signed-out reads once it has replayed every change heard of, otherwise the
     * primary; unset (component tests) means `db`.
     */
    readDb?: import('../db/client.ts').Database;
    /** The language of the page being served (decision 014): `fr` under `/fr/`; unset (component tests) means `en`. */
    locale?: import('./domain/vocabulary.ts').Language;
    /** The request's clock, so pages render deterministically in tests. */
    now: Date;
    /** The signed-in account, or null for a reader. */
    user: import('../db/queries/users.ts').UserRow | null;
    /** The same person as the policy module sees them (role, verification, brand memberships). */
    actor: import('./domain/policy.ts').Actor | null;
    session: { id: string } | null;
    /** This request's id (src/server/request-id.ts): logged, sent as `X-Request-Id`, shown on the error page. */
    requestId?: string;
    /** The load benchmark's bypass of the rate limits (src/server/bench-bypass.ts); unset means no. */
    rateLimitExempt?: boolean;
    /** Set once this API request is counted against the per-IP limit (src/server/api.ts `limitApiRequest`). */
    apiRequestCounted?: boolean;
    /**
     * What the page shows, for the shared page cache (src/server/page-cache.ts `cacheTag`):
     * `brand:<id>`, `post:<id>`; unset means `board`, evicted by every change.
     */
    cacheTags?: string[];
    /**
     * Set by a page whose content is the same for every reader outside the layout's personal
     * regions (src/markup/personal-header.ts): signed-in readers may then get the shared
     * cache's copy with their own regions put in (src/server/personal-pages.ts).
     */
    sameForEveryone?: boolean;
    /**
     * The text fields of a form whose images were over the upload limit, read by the middleware
     * with the files dropped (src/server/oversized-upload.ts): the page shows them again.
     */
    refusedUpload?: Record<string, string>;
  }
}
