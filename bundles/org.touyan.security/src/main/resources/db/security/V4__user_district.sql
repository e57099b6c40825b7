-- The district a user belongs to: required for a district administrator created from now on;
-- derived from the street, department or person of a scoped user. Existing users keep none: a
-- district administrator without a district is the installation's and reaches every district.
ALTER TABLE sec_user ADD COLUMN district_id VARCHAR(36);
CREATE INDEX sec_user_district ON sec_user (district_id, login);
