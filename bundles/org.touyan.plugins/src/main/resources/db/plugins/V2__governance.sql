-- Who signed each plugin version (null when it was accepted unsigned in development mode).
ALTER TABLE plugin_version ADD COLUMN signer VARCHAR(500);

-- Bindings frozen for an evaluation cycle: the cycle is computed by these versions until it closes.
CREATE TABLE policy_pin (
  pin_key    VARCHAR(100) NOT NULL,
  spi        VARCHAR(200) NOT NULL,
  scope      VARCHAR(100) NOT NULL,
  policy_id  VARCHAR(100) NOT NULL,
  bsn        VARCHAR(200) NOT NULL,
  version    VARCHAR(100) NOT NULL,
  parameters VARCHAR(8000) NOT NULL,
  revision   BIGINT       NOT NULL,
  pinned_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  PRIMARY KEY (pin_key, spi, scope)
);
