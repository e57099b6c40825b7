-- PostgreSQL's V5: the shared db/registry/V5__eligibility.sql with TEXT for HSQLDB's CLOB (PostgreSQL has no
-- CLOB type; TEXT is unbounded and read and written as a string, as the registry does with these columns).
-- The eligibility rule set a district selects (null: the default), and every check's verdict with
-- the rule set that decided it (bundle, version, policy id, binding revision).
ALTER TABLE district ADD COLUMN eligibility_rule_set VARCHAR(50);

CREATE TABLE eligibility_check (
  id                VARCHAR(36)  PRIMARY KEY,
  person_id         VARCHAR(36)  NOT NULL REFERENCES person (id),
  as_of             DATE         NOT NULL,
  facts_json        TEXT         NOT NULL,
  eligible          BOOLEAN      NOT NULL,
  fired_json        TEXT         NOT NULL,
  rule_set_bundle   VARCHAR(200) NOT NULL,
  rule_set_version  VARCHAR(100) NOT NULL,
  rule_set_id       VARCHAR(50)  NOT NULL,
  binding_revision  BIGINT       NOT NULL,
  checked_at        TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  actor             VARCHAR(100) NOT NULL
);

CREATE INDEX eligibility_check_person ON eligibility_check (person_id, checked_at);
