CREATE TABLE training_plan (
  id VARCHAR(36) PRIMARY KEY,
  district_id VARCHAR(36) NOT NULL,
  plan_year INT NOT NULL,
  required_hours DECIMAL(6,1) NOT NULL,
  created_at TIMESTAMP NOT NULL,
  CONSTRAINT training_plan_year UNIQUE (district_id, plan_year)
);
CREATE TABLE training_programme (
  id VARCHAR(36) PRIMARY KEY,
  plan_id VARCHAR(36) NOT NULL REFERENCES training_plan (id),
  kind VARCHAR(10) NOT NULL,
  street_id VARCHAR(36),
  name VARCHAR(100) NOT NULL,
  CONSTRAINT training_programme_street UNIQUE (plan_id, street_id)
);
CREATE TABLE training_course (
  id VARCHAR(36) PRIMARY KEY,
  programme_id VARCHAR(36) NOT NULL REFERENCES training_programme (id),
  course_kind VARCHAR(10),
  title VARCHAR(200) NOT NULL
);
CREATE TABLE training_session (
  id VARCHAR(36) PRIMARY KEY,
  course_id VARCHAR(36) NOT NULL REFERENCES training_course (id),
  session_date DATE NOT NULL,
  place VARCHAR(200) NOT NULL,
  teacher VARCHAR(100) NOT NULL,
  course_format VARCHAR(50) NOT NULL,
  session_hours DECIMAL(5,1) NOT NULL
);
CREATE TABLE training_enrolment (
  course_id VARCHAR(36) NOT NULL REFERENCES training_course (id),
  person_id VARCHAR(36) NOT NULL,
  enrolled_at TIMESTAMP NOT NULL,
  PRIMARY KEY (course_id, person_id)
);
CREATE TABLE training_attendance (
  session_id VARCHAR(36) NOT NULL REFERENCES training_session (id),
  person_id VARCHAR(36) NOT NULL,
  attended_hours DECIMAL(5,1) NOT NULL,
  credit DECIMAL(6,2) NOT NULL,
  prov_bundle VARCHAR(200),
  prov_version VARCHAR(50),
  prov_policy VARCHAR(50),
  prov_revision BIGINT,
  recorded_by VARCHAR(100) NOT NULL,
  recorded_at TIMESTAMP NOT NULL,
  PRIMARY KEY (session_id, person_id)
);
CREATE TABLE exchange_event (
  id VARCHAR(36) PRIMARY KEY,
  district_id VARCHAR(36) NOT NULL,
  kind VARCHAR(10) NOT NULL,
  theme VARCHAR(20),
  title VARCHAR(200) NOT NULL,
  event_date DATE NOT NULL,
  place VARCHAR(200) NOT NULL,
  record_text VARCHAR(2000),
  created_at TIMESTAMP NOT NULL
);
CREATE TABLE exchange_participant (
  event_id VARCHAR(36) NOT NULL REFERENCES exchange_event (id),
  person_id VARCHAR(36) NOT NULL,
  speaker BOOLEAN NOT NULL,
  PRIMARY KEY (event_id, person_id)
);
CREATE TABLE shadowing_placement (
  id VARCHAR(36) PRIMARY KEY,
  district_id VARCHAR(36) NOT NULL,
  person_id VARCHAR(36) NOT NULL,
  plan_year INT NOT NULL,
  city VARCHAR(50) NOT NULL,
  host VARCHAR(200) NOT NULL,
  start_date DATE NOT NULL,
  end_date DATE NOT NULL,
  report_text VARCHAR(4000),
  CONSTRAINT shadowing_once_a_year UNIQUE (person_id, plan_year)
);
CREATE TABLE pairing_dispatch (
  id VARCHAR(36) PRIMARY KEY,
  district_id VARCHAR(36) NOT NULL,
  person_id VARCHAR(36) NOT NULL,
  content_code VARCHAR(50) NOT NULL,
  start_date DATE NOT NULL,
  end_date DATE NOT NULL,
  report_json VARCHAR(8000),
  prov_bundle VARCHAR(200) NOT NULL,
  prov_version VARCHAR(50) NOT NULL,
  prov_policy VARCHAR(50) NOT NULL,
  prov_revision BIGINT NOT NULL,
  created_at TIMESTAMP NOT NULL
);
CREATE INDEX pairing_dispatch_person ON pairing_dispatch (person_id);
CREATE TABLE transfer_project (
  id VARCHAR(36) PRIMARY KEY,
  district_id VARCHAR(36) NOT NULL,
  title VARCHAR(200) NOT NULL,
  owner_id VARCHAR(36) NOT NULL,
  community_id VARCHAR(36),
  milestones INT NOT NULL,
  milestones_done INT NOT NULL,
  status VARCHAR(12) NOT NULL,
  outcome VARCHAR(2000),
  grade VARCHAR(20),
  assessment VARCHAR(500),
  prov_bundle VARCHAR(200),
  prov_version VARCHAR(50),
  prov_policy VARCHAR(50),
  prov_revision BIGINT,
  created_at TIMESTAMP NOT NULL
);
