-- Failed logins per login name, in the database: every node of an installation counts the same
-- failures, and a restart no longer forgives them.
CREATE TABLE sec_login_throttle (
  login_key    VARCHAR(200) PRIMARY KEY,
  failures     INT          NOT NULL,
  locked_until TIMESTAMP(3) WITH TIME ZONE,
  last_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX sec_login_throttle_last ON sec_login_throttle (last_at);
