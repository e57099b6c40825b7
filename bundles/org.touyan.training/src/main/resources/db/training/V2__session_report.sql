ALTER TABLE training_session ADD COLUMN report_json VARCHAR(8000);
