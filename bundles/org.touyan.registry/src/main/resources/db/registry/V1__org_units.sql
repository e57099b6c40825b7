-- Districts (the tenants) and their streets. Codes are what administrators type; ids are opaque.
CREATE TABLE district (
  id         VARCHAR(36)  PRIMARY KEY,
  code       VARCHAR(20)  NOT NULL UNIQUE,
  name       VARCHAR(100) NOT NULL,
  name_en    VARCHAR(200),
  created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP(3) WITH TIME ZONE NOT NULL
);

CREATE TABLE street (
  id          VARCHAR(36)  PRIMARY KEY,
  district_id VARCHAR(36)  NOT NULL REFERENCES district (id),
  code        VARCHAR(20)  NOT NULL,
  name        VARCHAR(100) NOT NULL,
  name_en     VARCHAR(200),
  created_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  updated_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  CONSTRAINT street_code_unique UNIQUE (district_id, code)
);
