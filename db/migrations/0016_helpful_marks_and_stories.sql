CREATE TABLE "helpful_marks" (
	"post_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "helpful_marks_post_id_user_id_pk" PRIMARY KEY("post_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "helpful_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "exceptional_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "helpful_marks" ADD CONSTRAINT "helpful_marks_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpful_marks" ADD CONSTRAINT "helpful_marks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "helpful_marks_user_idx" ON "helpful_marks" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "posts_stories_idx" ON "posts" USING btree ("helpful_count","exceptional_since","id") WHERE exceptional_since is not null;--> statement-breakpoint
CREATE INDEX "posts_brand_stories_idx" ON "posts" USING btree ("brand_id","helpful_count","exceptional_since","id") WHERE exceptional_since is not null;--> statement-breakpoint
CREATE INDEX "posts_stories_feed_idx" ON "posts" USING btree ("exceptional_since","id") WHERE exceptional_since is not null;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_helpful_count" CHECK (helpful_count >= 0);--> statement-breakpoint
-- Fails already turned around are stories from the start (no like has helpful marks yet): the rule of
-- src/domain/stories.ts, as rebuildStories (db/queries/stories.ts) writes it.
UPDATE "posts" p SET "exceptional_since" = p.last_activity_at
WHERE p.visibility = 'published' AND p.kind = 'fail'
  AND exists (select 1 from verdicts v where v.post_id = p.id and v.resolved and v.would_buy_again)
  AND exists (select 1 from promises k where k.post_id = p.id and k.outcome = 'kept')
  AND not exists (select 1 from promises b where b.post_id = p.id and b.outcome = 'broken');
