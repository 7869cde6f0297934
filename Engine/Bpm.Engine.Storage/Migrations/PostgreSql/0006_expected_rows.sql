-- A write that must find its row (an instance still at the revision it was read at, a task not ended meanwhile) says
-- so in its own statement: when it finds none, the statement fails with SQLSTATE BPM01 and takes its transaction down
-- before the COMMIT that the engine sends in the same round trip as its writes.
CREATE FUNCTION bpm_expect_row(rows_written BIGINT, missed TEXT) RETURNS BIGINT LANGUAGE plpgsql AS $$
BEGIN
    IF rows_written = 0 THEN
        RAISE EXCEPTION '%', missed USING ERRCODE = 'BPM01';
    END IF;
    RETURN rows_written;
END
$$;
