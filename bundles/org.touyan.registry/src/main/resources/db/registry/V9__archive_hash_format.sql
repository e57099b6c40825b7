-- the encoding each archive entry's hash was computed in (org.touyan.api.security.Sha256): entries
-- written before are format 1 (fields joined by newlines), new entries format 2 (length-prefixed
-- fields). V8 is left to another change of the registry schema made at the same time.
ALTER TABLE archive_entry ADD COLUMN hash_format INT DEFAULT 1 NOT NULL;
