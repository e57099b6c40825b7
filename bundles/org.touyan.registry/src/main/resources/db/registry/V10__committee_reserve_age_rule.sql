-- the committee reserve's age rule (两委后备: “95后” community workers), a district's setting
ALTER TABLE district ADD COLUMN committee_reserve_born_from DATE DEFAULT DATE '1995-01-01' NOT NULL;
