-- A first secretary's mission (第一书记驻社帮扶): one per FIRST_SECRETARY post, which names the
-- community helped and the start of the term; the mission adds why, until when, and the report at its end.
CREATE TABLE first_secretary_mission (
  post_id      VARCHAR(36)   PRIMARY KEY REFERENCES post (id),
  reason       VARCHAR(200)  NOT NULL,
  term_end     DATE          NOT NULL,
  reported_on  DATE,
  report       VARCHAR(4000),
  reported_by  VARCHAR(100),
  recorded_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
