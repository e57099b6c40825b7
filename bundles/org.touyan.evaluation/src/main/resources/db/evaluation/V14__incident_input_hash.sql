-- The hash of what the negative-list catalogue judged for an incident (person, community, date,
-- items with their severities, earlier incidents, parameters), beside the plugin that judged it, as
-- ratings and classifications keep theirs. Incidents recorded before have none.
ALTER TABLE eval_incident ADD COLUMN input_hash VARCHAR(64);
