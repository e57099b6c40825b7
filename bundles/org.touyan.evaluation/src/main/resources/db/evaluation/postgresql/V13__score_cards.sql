-- PostgreSQL's V13: the shared db/evaluation/V13__score_cards.sql but for the aggregate.
-- One row per community per cycle with all its departments' scores ("JWJW=85.00;ZFW=90.50", sorted
-- by dimension), kept in the same transaction as eval_score by every entry and correction. Rating a
-- national-scale cycle reads 120,000 cards instead of 1.32 million score rows. eval_score stays the
-- record of who entered what and when. A score takes at most 31 characters on a card (a code of 20,
-- "=", a DECIMAL(7,2) and ";"), so a card holds a thousand departments.
CREATE TABLE eval_score_card (
  cycle_id     VARCHAR(36)   NOT NULL REFERENCES eval_cycle (id),
  community_id VARCHAR(36)   NOT NULL,
  street_id    VARCHAR(36)   NOT NULL,
  scores       VARCHAR(32000) NOT NULL,
  CONSTRAINT eval_score_card_pk PRIMARY KEY (cycle_id, community_id)
);

-- the cards of the scores entered before this table existed (PostgreSQL's string_agg in place of
-- HSQLDB's GROUP_CONCAT … SEPARATOR; a DECIMAL(7,2) cast to text reads the same, e.g. 85.00)
INSERT INTO eval_score_card (cycle_id, community_id, street_id, scores)
  SELECT cycle_id, community_id, MAX(street_id),
         string_agg(dimension || '=' || CAST(score AS VARCHAR(12)), ';' ORDER BY dimension)
  FROM eval_score GROUP BY cycle_id, community_id;
