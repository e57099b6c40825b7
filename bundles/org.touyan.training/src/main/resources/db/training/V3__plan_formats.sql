ALTER TABLE training_plan ADD COLUMN course_formats VARCHAR(2000);
