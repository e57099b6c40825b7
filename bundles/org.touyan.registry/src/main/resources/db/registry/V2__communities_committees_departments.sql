-- Communities (one street each), joint area Party committees of 3-4 communities, district departments.
ALTER TABLE district ADD COLUMN joint_may_span_streets BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE community (
  id         VARCHAR(36)  PRIMARY KEY,
  street_id  VARCHAR(36)  NOT NULL REFERENCES street (id),
  code       VARCHAR(20)  NOT NULL,
  name       VARCHAR(100) NOT NULL,
  name_en    VARCHAR(200),
  created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  CONSTRAINT community_code_unique UNIQUE (street_id, code)
);

CREATE TABLE joint_committee (
  id          VARCHAR(36)  PRIMARY KEY,
  district_id VARCHAR(36)  NOT NULL REFERENCES district (id),
  code        VARCHAR(20)  NOT NULL,
  name        VARCHAR(100) NOT NULL,
  name_en     VARCHAR(200),
  created_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  updated_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  CONSTRAINT joint_committee_code_unique UNIQUE (district_id, code)
);

-- A community belongs to at most one joint committee.
CREATE TABLE joint_committee_member (
  committee_id VARCHAR(36) NOT NULL REFERENCES joint_committee (id),
  community_id VARCHAR(36) NOT NULL REFERENCES community (id),
  CONSTRAINT joint_committee_member_pk PRIMARY KEY (committee_id, community_id),
  CONSTRAINT joint_committee_member_once UNIQUE (community_id)
);

CREATE TABLE department (
  id          VARCHAR(36)  PRIMARY KEY,
  district_id VARCHAR(36)  NOT NULL REFERENCES district (id),
  code        VARCHAR(20)  NOT NULL,
  name        VARCHAR(100) NOT NULL,
  name_en     VARCHAR(200),
  scores      BOOLEAN      NOT NULL,
  vets        BOOLEAN      NOT NULL,
  created_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  updated_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  CONSTRAINT department_code_unique UNIQUE (district_id, code)
);
