-- Several nodes on one database: each version's jar is kept here (a node installs what another
-- node accepted from these bytes), the plugin set has a generation every change moves on, and
-- each node records the generation it has applied.
ALTER TABLE plugin_version ADD COLUMN jar BYTEA;

CREATE TABLE plugin_generation (
  id         INT    PRIMARY KEY,
  generation BIGINT NOT NULL
);
INSERT INTO plugin_generation (id, generation) VALUES (1, 0);

CREATE TABLE plugin_node (
  node       VARCHAR(100) PRIMARY KEY,
  generation BIGINT       NOT NULL,
  seen_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
