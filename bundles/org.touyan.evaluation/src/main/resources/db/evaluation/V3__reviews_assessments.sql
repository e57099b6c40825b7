-- The other three of the four reviews (四评) of a community's secretary: self, street, Organization Department.
CREATE TABLE eval_review (
  cycle_id     VARCHAR(36)  NOT NULL REFERENCES eval_cycle (id),
  community_id VARCHAR(36)  NOT NULL,
  person_id    VARCHAR(36)  NOT NULL,
  kind         VARCHAR(20)  NOT NULL,
  score        DECIMAL(5,2) NOT NULL,
  comment      VARCHAR(2000),
  actor        VARCHAR(100) NOT NULL,
  reviewed_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  CONSTRAINT eval_review_pk PRIMARY KEY (cycle_id, community_id, kind)
);

-- The assessment result the weighting plugin made of the four reviews, with its provenance and input hash.
CREATE TABLE eval_assessment (
  cycle_id         VARCHAR(36)   NOT NULL REFERENCES eval_cycle (id),
  community_id     VARCHAR(36)   NOT NULL,
  person_id        VARCHAR(36)   NOT NULL,
  self_score       DECIMAL(5,2),
  residents_score  DECIMAL(5,2),
  ballots          INTEGER       NOT NULL,
  street_score     DECIMAL(5,2),
  org_score        DECIMAL(5,2),
  total            DECIMAL(9,2),
  grade            VARCHAR(20),
  explanation      VARCHAR(2000),
  failure          VARCHAR(1000),
  plugin_bundle    VARCHAR(200),
  plugin_version   VARCHAR(100),
  policy_id        VARCHAR(100),
  binding_revision BIGINT,
  input_hash       VARCHAR(64)   NOT NULL,
  CONSTRAINT eval_assessment_pk PRIMARY KEY (cycle_id, community_id)
);
