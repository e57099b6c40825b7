-- Mid-term adjustment filings (规范备案): a district's six steps, each filing's copy of them, and
-- the joint vetting (联查联审) verdicts of the vetting departments.
CREATE TABLE filing_step_definition (
  district_id VARCHAR(36)  NOT NULL REFERENCES district (id),
  position    INT          NOT NULL,
  code        VARCHAR(20)  NOT NULL,
  name        VARCHAR(100) NOT NULL,
  name_en     VARCHAR(200),
  CONSTRAINT filing_step_definition_pk PRIMARY KEY (district_id, position)
);

CREATE TABLE filing (
  id             VARCHAR(36)  PRIMARY KEY,
  district_id    VARCHAR(36)  NOT NULL REFERENCES district (id),
  kind           VARCHAR(20)  NOT NULL,
  person_id      VARCHAR(36)  NOT NULL REFERENCES person (id),
  community_id   VARCHAR(36)  NOT NULL REFERENCES community (id),
  post_id        VARCHAR(36),
  effective_date DATE         NOT NULL,
  status         VARCHAR(20)  NOT NULL,
  opened_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  opened_by      VARCHAR(100) NOT NULL,
  closed_at      TIMESTAMP(3) WITH TIME ZONE,
  closed_by      VARCHAR(100),
  closing_note   VARCHAR(500)
);

CREATE INDEX filing_district ON filing (district_id, status);

CREATE TABLE filing_step (
  filing_id VARCHAR(36)  NOT NULL REFERENCES filing (id),
  position  INT          NOT NULL,
  code      VARCHAR(20)  NOT NULL,
  name      VARCHAR(100) NOT NULL,
  done_at   TIMESTAMP(3) WITH TIME ZONE,
  actor     VARCHAR(100),
  note      VARCHAR(500),
  CONSTRAINT filing_step_pk PRIMARY KEY (filing_id, position)
);

CREATE TABLE filing_vetting (
  filing_id     VARCHAR(36)  NOT NULL REFERENCES filing (id),
  department_id VARCHAR(36)  NOT NULL REFERENCES department (id),
  passed        BOOLEAN      NOT NULL,
  note          VARCHAR(500),
  recorded_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  actor         VARCHAR(100) NOT NULL,
  CONSTRAINT filing_vetting_pk PRIMARY KEY (filing_id, department_id)
);
