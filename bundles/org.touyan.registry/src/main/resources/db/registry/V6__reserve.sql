-- The reserve pipeline (雏雁储备): each stay of a person in a tier, for a street.
CREATE TABLE reserve_membership (
  id           VARCHAR(36)  PRIMARY KEY,
  person_id    VARCHAR(36)  NOT NULL REFERENCES person (id),
  tier         VARCHAR(30)  NOT NULL,
  street_id    VARCHAR(36)  NOT NULL REFERENCES street (id),
  entered_on   DATE         NOT NULL,
  entry_reason VARCHAR(200) NOT NULL,
  left_on      DATE,
  leave_reason VARCHAR(200),
  created_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  updated_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL
);

CREATE INDEX reserve_membership_person ON reserve_membership (person_id);

CREATE INDEX reserve_membership_street ON reserve_membership (street_id, tier);
