ALTER TYPE "public"."post_visibility" ADD VALUE 'held';--> statement-breakpoint
CREATE INDEX "flags_flagger_brand_idx" ON "flags" USING btree ("flagger_brand_id","created_at") WHERE flagger_brand_id is not null;--> statement-breakpoint
CREATE INDEX "posts_brand_likes_idx" ON "posts" USING btree ("brand_id","created_at") WHERE kind = 'like';--> statement-breakpoint
CREATE INDEX "users_suspended_idx" ON "users" USING btree ("suspended_at") WHERE suspended_at is not null;