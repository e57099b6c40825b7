-- The measures that follow a secretary's type in a cycle (分类施策): 书记工作室, 书记工作法 and 书记特色课
-- followed by the Organization Department for model and backbone secretaries, one-on-one help by a
-- named street cadre for potential and caretaker secretaries. One measure of each kind per secretary and cycle.
CREATE TABLE eval_measure (
  id           VARCHAR(36)   PRIMARY KEY,
  cycle_id     VARCHAR(36)   NOT NULL REFERENCES eval_cycle (id),
  community_id VARCHAR(36)   NOT NULL,
  person_id    VARCHAR(36)   NOT NULL,
  kind         VARCHAR(20)   NOT NULL,
  title        VARCHAR(200)  NOT NULL,
  followed_by  VARCHAR(100),
  helper_id    VARCHAR(36),
  helper_name  VARCHAR(100),
  started_on   DATE          NOT NULL,
  note         VARCHAR(2000),
  actor        VARCHAR(100)  NOT NULL,
  recorded_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  CONSTRAINT eval_measure_unique UNIQUE (cycle_id, person_id, kind)
);

-- Mentoring pairs (结对帮带) of a district's year: a model secretary (红领导师) and a potential or
-- caretaker secretary, decided on the types of the basis cycle.
CREATE TABLE eval_mentorship (
  id                  VARCHAR(36)   PRIMARY KEY,
  district_id         VARCHAR(36)   NOT NULL,
  mentoring_year      INTEGER       NOT NULL,
  basis_cycle_id      VARCHAR(36)   NOT NULL REFERENCES eval_cycle (id),
  mentor_id           VARCHAR(36)   NOT NULL,
  mentor_community_id VARCHAR(36)   NOT NULL,
  mentee_id           VARCHAR(36)   NOT NULL,
  mentee_community_id VARCHAR(36)   NOT NULL,
  mentee_type         VARCHAR(20)   NOT NULL,
  basis               VARCHAR(20)   NOT NULL,
  status              VARCHAR(20)   NOT NULL,
  started_on          DATE          NOT NULL,
  ended_on            DATE,
  end_reason          VARCHAR(500),
  actor               VARCHAR(100)  NOT NULL,
  created_at          TIMESTAMP(3) WITH TIME ZONE NOT NULL
);

CREATE INDEX eval_mentorship_year ON eval_mentorship (district_id, mentoring_year, status);

-- Progress notes of a mentoring pair (治理联抓、服务联做、活动联办…).
CREATE TABLE eval_mentorship_note (
  mentorship_id VARCHAR(36)   NOT NULL REFERENCES eval_mentorship (id),
  seq           INTEGER       NOT NULL,
  noted_on      DATE          NOT NULL,
  note          VARCHAR(2000) NOT NULL,
  actor         VARCHAR(100)  NOT NULL,
  recorded_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  CONSTRAINT eval_mentorship_note_pk PRIMARY KEY (mentorship_id, seq)
);
