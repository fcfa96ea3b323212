-- What the server processes share to act as one (job_runs, rate_limit_hits) is not application data: it
-- lives in a schema of its own, outside public, so backups (which take schema public) leave it out and
-- nothing that compares the application's tables sees it change with every request.
CREATE SCHEMA coordination;
ALTER TABLE job_runs SET SCHEMA coordination;
ALTER TABLE rate_limit_hits SET SCHEMA coordination;
