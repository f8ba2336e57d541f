-- Who is signed in, with which rights, may be cached per instance (src/server/auth/session-cache.ts):
-- every change to an account, its sessions or its brand memberships is announced on `lf_users`
-- with the account id, by the database itself, so no code path (or script) can forget to.
CREATE OR REPLACE FUNCTION lf_notify_user_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('lf_users', (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)::text);
  ELSE
    PERFORM pg_notify('lf_users', (CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END)::text);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER users_announce_change AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION lf_notify_user_change();--> statement-breakpoint
CREATE TRIGGER sessions_announce_end AFTER DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION lf_notify_user_change();--> statement-breakpoint
CREATE TRIGGER brand_members_announce_change AFTER INSERT OR UPDATE OR DELETE ON brand_members
  FOR EACH ROW EXECUTE FUNCTION lf_notify_user_change();
