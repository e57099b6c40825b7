-- Policies taken out of service after too many calls ran past the time limit, until a plugin
-- administrator releases them. Kept across restarts: a restart stops the looping calls, not the loop.
CREATE TABLE policy_quarantine (
  bsn       VARCHAR(200) NOT NULL,
  version   VARCHAR(100) NOT NULL,
  policy_id VARCHAR(100) NOT NULL,
  since     TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  detail    VARCHAR(2000) NOT NULL,
  PRIMARY KEY (bsn, version, policy_id)
);
