CREATE TABLE assistant_recruitment (
  person_id    VARCHAR(36)  PRIMARY KEY REFERENCES person (id),
  district_id  VARCHAR(36)  NOT NULL REFERENCES district (id),
  batch_year   INT          NOT NULL,
  source       VARCHAR(20)  NOT NULL,
  recorded_at  TIMESTAMP    NOT NULL
);
CREATE INDEX assistant_recruitment_year ON assistant_recruitment (district_id, batch_year);
