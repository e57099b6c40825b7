-- Incidents of the negative list (履职负面清单) against a secretary: the items (codes of the bound
-- catalogue), the evidence, and the catalogue's verdict with its provenance. A rectification has a
-- deadline and follow-ups; an adjustment opens a removal filing in the registry.
CREATE TABLE eval_incident (
  id               VARCHAR(36)   PRIMARY KEY,
  district_id      VARCHAR(36)   NOT NULL,
  street_id        VARCHAR(36)   NOT NULL,
  community_id     VARCHAR(36)   NOT NULL,
  person_id        VARCHAR(36)   NOT NULL,
  occurred_on      DATE          NOT NULL,
  items            VARCHAR(500)  NOT NULL,
  -- one line per item: its severity, a tab, its name, as the catalogue gave them
  item_names       VARCHAR(2000) NOT NULL,
  severity         VARCHAR(20)   NOT NULL,
  description      VARCHAR(2000) NOT NULL,
  evidence         VARCHAR(4000) NOT NULL,
  consequence      VARCHAR(20)   NOT NULL,
  explanation      VARCHAR(2000) NOT NULL,
  deadline         DATE,
  status           VARCHAR(20)   NOT NULL,
  filing_id        VARCHAR(36),
  plugin_bundle    VARCHAR(200)  NOT NULL,
  plugin_version   VARCHAR(100)  NOT NULL,
  policy_id        VARCHAR(100)  NOT NULL,
  binding_revision BIGINT        NOT NULL,
  actor            VARCHAR(100)  NOT NULL,
  recorded_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL
);

CREATE INDEX eval_incident_person ON eval_incident (person_id, occurred_on);
CREATE INDEX eval_incident_district ON eval_incident (district_id, occurred_on);

-- Follow-up records of a rectification; the one that finds it rectified closes the incident.
CREATE TABLE eval_incident_followup (
  incident_id VARCHAR(36)   NOT NULL REFERENCES eval_incident (id),
  seq         INTEGER       NOT NULL,
  checked_on  DATE          NOT NULL,
  note        VARCHAR(2000) NOT NULL,
  rectified   BOOLEAN       NOT NULL,
  actor       VARCHAR(100)  NOT NULL,
  recorded_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  CONSTRAINT eval_incident_followup_pk PRIMARY KEY (incident_id, seq)
);
