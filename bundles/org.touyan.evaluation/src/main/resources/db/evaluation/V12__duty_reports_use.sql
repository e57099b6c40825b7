-- The half-year report (提级述职) of a secretary to the governance committee: what was prepared before
-- it (site visits, interviews, document review) and the on-the-spot scores of the Organization
-- Department, 民政局 and the street (一述一评); the result is their mean once all three have scored.
CREATE TABLE eval_duty_report (
  cycle_id     VARCHAR(36)   NOT NULL REFERENCES eval_cycle (id),
  community_id VARCHAR(36)   NOT NULL,
  person_id    VARCHAR(36)   NOT NULL,
  reported_on  DATE          NOT NULL,
  summary      VARCHAR(4000) NOT NULL,
  site_visits  VARCHAR(2000) NOT NULL,
  interviews   VARCHAR(2000) NOT NULL,
  documents    VARCHAR(2000) NOT NULL,
  result       DECIMAL(5,2),
  actor        VARCHAR(100)  NOT NULL,
  recorded_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  CONSTRAINT eval_duty_report_pk PRIMARY KEY (cycle_id, community_id)
);

CREATE TABLE eval_duty_report_score (
  cycle_id     VARCHAR(36)   NOT NULL REFERENCES eval_cycle (id),
  community_id VARCHAR(36)   NOT NULL,
  rater        VARCHAR(20)   NOT NULL,
  score        DECIMAL(5,2)  NOT NULL,
  comment      VARCHAR(2000),
  actor        VARCHAR(100)  NOT NULL,
  scored_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  CONSTRAINT eval_duty_report_score_pk PRIMARY KEY (cycle_id, community_id, rater)
);

-- Use (精挑用): honours recommended, candidates for 两代表一委员, advanced training nominations and
-- recruitment into 事业编制 posts, per person.
CREATE TABLE eval_use_record (
  id           VARCHAR(36)   PRIMARY KEY,
  district_id  VARCHAR(36)   NOT NULL,
  person_id    VARCHAR(36)   NOT NULL,
  kind         VARCHAR(20)   NOT NULL,
  detail       VARCHAR(20),
  title        VARCHAR(200)  NOT NULL,
  decided_on   DATE          NOT NULL,
  basis        VARCHAR(1000),
  actor        VARCHAR(100)  NOT NULL,
  recorded_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  CONSTRAINT eval_use_record_unique UNIQUE (person_id, kind, title, decided_on)
);

CREATE INDEX eval_use_record_district ON eval_use_record (district_id, kind, decided_on);
