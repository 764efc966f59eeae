-- Reference numbers of requests (EC-<year>-<n>): a sequence never blocks concurrent submissions.
CREATE SEQUENCE IF NOT EXISTS case_reference_seq;
