-- Duplicate waiting claims (asked twice before this index) keep the oldest; the others are closed.
UPDATE "brand_claims" SET "status" = 'rejected', "decided_at" = now() WHERE "status" = 'pending' AND "id" NOT IN (
  SELECT min("id") FROM "brand_claims" WHERE "status" = 'pending' GROUP BY "brand_id", "user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "brand_claims_one_pending_per_person" ON "brand_claims" USING btree ("brand_id","user_id") WHERE status = 'pending';