-- the encoding each entry's hash was computed in (org.touyan.api.security.Sha256): entries written
-- before are format 1 (fields joined by newlines), new entries format 2 (length-prefixed fields)
ALTER TABLE sec_audit ADD COLUMN hash_format INT DEFAULT 1 NOT NULL;
