-- Which demo datasets have been loaded, so a restart never loads one twice.
CREATE TABLE touyan_demo_dataset (
  id        VARCHAR(100) PRIMARY KEY,
  loaded_at TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
