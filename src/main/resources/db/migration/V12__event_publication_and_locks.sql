-- Spring Modulith's JDBC event publication registry (schema version 2 of spring-modulith-events-jdbc 2.x): one row per
-- event and transactional listener, written in the publishing transaction. With completion mode DELETE a row lives
-- only until its listener has finished, so what remains after a crash is exactly what still has to run.
-- Plain types that H2 (PostgreSQL mode) and PostgreSQL both accept; events such as a dialog view can exceed the
-- 4000 characters of the library's own H2 script.
CREATE TABLE event_publication
(
    id                     UUID                     NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512)             NOT NULL,
    event_type             VARCHAR(512)             NOT NULL,
    serialized_event       VARCHAR(1000000)         NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- ShedLock: one row per scheduled job; whoever moves lock_until into the future runs the job on this tick.
CREATE TABLE shedlock
(
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
