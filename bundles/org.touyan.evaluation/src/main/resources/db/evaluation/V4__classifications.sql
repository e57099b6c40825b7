-- Each secretary's type (分类管理) in a cycle, its measures and, for the helped types, the street cadre named for one-on-one help.
CREATE TABLE eval_classification (
  cycle_id         VARCHAR(36)   NOT NULL REFERENCES eval_cycle (id),
  community_id     VARCHAR(36)   NOT NULL,
  person_id        VARCHAR(36)   NOT NULL,
  secretary_type   VARCHAR(20),
  measures         VARCHAR(500),
  helper_id        VARCHAR(36),
  helper_name      VARCHAR(100),
  explanation      VARCHAR(2000),
  failure          VARCHAR(1000),
  plugin_bundle    VARCHAR(200),
  plugin_version   VARCHAR(100),
  policy_id        VARCHAR(100),
  binding_revision BIGINT,
  input_hash       VARCHAR(64)   NOT NULL,
  CONSTRAINT eval_classification_pk PRIMARY KEY (cycle_id, community_id)
);
