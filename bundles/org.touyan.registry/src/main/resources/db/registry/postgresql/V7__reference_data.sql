-- PostgreSQL's V7: the shared db/registry/V7__reference_data.sql with TEXT for HSQLDB's CLOB (PostgreSQL has no
-- CLOB type; TEXT is unbounded and read and written as a string, as the registry does with these columns).
-- Versioned reference lists (duty list 职责清单, selection standard 三好三强) as immutable documents,
-- the duty list version each secretary post links to, and the streets' five-person working groups.
CREATE TABLE reference_version (
  id             VARCHAR(36)  PRIMARY KEY,
  district_id    VARCHAR(36)  NOT NULL REFERENCES district (id),
  kind           VARCHAR(30)  NOT NULL,
  version        INT          NOT NULL,
  effective_from DATE         NOT NULL,
  content_json   TEXT         NOT NULL,
  created_at     TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  created_by     VARCHAR(100) NOT NULL,
  CONSTRAINT reference_version_unique UNIQUE (district_id, kind, version)
);

ALTER TABLE post ADD COLUMN duty_list_id VARCHAR(36) REFERENCES reference_version (id);

CREATE TABLE working_group (
  id         VARCHAR(36)  PRIMARY KEY,
  street_id  VARCHAR(36)  NOT NULL REFERENCES street (id),
  term       VARCHAR(20)  NOT NULL,
  created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  CONSTRAINT working_group_term_unique UNIQUE (street_id, term)
);

CREATE TABLE working_group_member (
  group_id  VARCHAR(36) NOT NULL REFERENCES working_group (id),
  role      VARCHAR(20) NOT NULL,
  person_id VARCHAR(36) NOT NULL REFERENCES person (id),
  CONSTRAINT working_group_member_pk PRIMARY KEY (group_id, role),
  CONSTRAINT working_group_member_once UNIQUE (group_id, person_id)
);
