-- When the shopper of a left message was last emailed about an answer: at most one such email per quiet period.
alter table dialog add column answer_mailed_at timestamp with time zone;
