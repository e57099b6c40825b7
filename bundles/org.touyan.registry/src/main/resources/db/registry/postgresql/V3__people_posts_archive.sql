-- PostgreSQL's V3: the shared db/registry/V3__people_posts_archive.sql with TEXT for HSQLDB's CLOB (PostgreSQL has no
-- CLOB type; TEXT is unbounded and read and written as a string, as the registry does with these columns).
-- People, the posts they hold over time, and each person's hash-chained lifetime archive (一人一档).
-- archive_seq/archive_head point at the newest archive entry, so a removed tail is noticed too.
CREATE TABLE person (
  id                 VARCHAR(36)  PRIMARY KEY,
  district_id        VARCHAR(36)  NOT NULL REFERENCES district (id),
  name               VARCHAR(50)  NOT NULL,
  gender             VARCHAR(6)   NOT NULL,
  birth_date         DATE         NOT NULL,
  id_number          VARCHAR(18)  NOT NULL,
  phone              VARCHAR(20),
  education          VARCHAR(50),
  party_member_since DATE,
  archive_seq        BIGINT       NOT NULL,
  archive_head       VARCHAR(64)  NOT NULL,
  sealed_at          TIMESTAMP(3) WITH TIME ZONE,
  sealed_by          VARCHAR(100),
  seal_reason        VARCHAR(200),
  created_at         TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  updated_at         TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  CONSTRAINT person_id_number_unique UNIQUE (district_id, id_number)
);

CREATE TABLE post (
  id          VARCHAR(36)  PRIMARY KEY,
  person_id   VARCHAR(36)  NOT NULL REFERENCES person (id),
  kind        VARCHAR(30)  NOT NULL,
  unit_id     VARCHAR(36)  NOT NULL,
  start_date  DATE         NOT NULL,
  end_date    DATE,
  end_reason  VARCHAR(200),
  created_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  updated_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL
);

CREATE INDEX post_unit ON post (unit_id, kind);

CREATE INDEX post_person ON post (person_id);

CREATE TABLE archive_entry (
  person_id     VARCHAR(36)  NOT NULL REFERENCES person (id),
  seq           BIGINT       NOT NULL,
  written_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  actor         VARCHAR(100) NOT NULL,
  action        VARCHAR(50)  NOT NULL,
  subject       VARCHAR(100) NOT NULL,
  before_json   TEXT,
  after_json    TEXT,
  previous_hash VARCHAR(64)  NOT NULL,
  hash          VARCHAR(64)  NOT NULL,
  CONSTRAINT archive_entry_pk PRIMARY KEY (person_id, seq)
);
