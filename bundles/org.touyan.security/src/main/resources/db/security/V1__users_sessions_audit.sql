-- Users: one role each, with the scope a scoped role is limited to. Passwords are PBKDF2 hashes
-- ("pbkdf2-sha256$iterations$salt$hash"); must_change is set for one-time passwords.
CREATE TABLE sec_user (
  id            VARCHAR(36)  PRIMARY KEY,
  login         VARCHAR(64)  NOT NULL UNIQUE,
  display_name  VARCHAR(100) NOT NULL,
  role          VARCHAR(32)  NOT NULL,
  street_id     VARCHAR(36),
  department_id VARCHAR(36),
  person_id     VARCHAR(36),
  password_hash VARCHAR(200) NOT NULL,
  must_change   BOOLEAN      NOT NULL,
  disabled      BOOLEAN      NOT NULL,
  created_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL
);

-- Bearer tokens, stored as their SHA-256 only: a copy of the table logs nobody in.
CREATE TABLE sec_token (
  token_hash  CHAR(64)     PRIMARY KEY,
  user_id     VARCHAR(36)  NOT NULL REFERENCES sec_user (id),
  created_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  expires_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  revoked_at  TIMESTAMP(3) WITH TIME ZONE
);
CREATE INDEX sec_token_user ON sec_token (user_id);

-- The audit log: appended only, each entry chained to the one before by SHA-256 so that an edit
-- or a removal in the middle shows when the chain is verified.
CREATE TABLE sec_audit (
  seq           BIGINT       PRIMARY KEY,
  occurred_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  actor         VARCHAR(100) NOT NULL,
  role          VARCHAR(32),
  action        VARCHAR(300) NOT NULL,
  target        VARCHAR(300),
  outcome       VARCHAR(16)  NOT NULL,
  status        INTEGER,
  detail        VARCHAR(1000),
  previous_hash CHAR(64)     NOT NULL,
  hash          CHAR(64)     NOT NULL
);
CREATE INDEX sec_audit_actor ON sec_audit (actor, seq);
CREATE INDEX sec_audit_time ON sec_audit (occurred_at);
