-- Practice logos, stored with the practice's data so the BFF can serve them (and print them on receipts) without an
-- outside image host. A practice has at most one logo per state: DRAFT (what a practice console uploads and previews)
-- and PUBLISHED (what patients see); publishing copies the draft over the published row. Only PNG and SVG, at most
-- 256 KiB; SVG is sanitized before it is stored (see PracticeLogos) and served with a restrictive CSP by the BFF.
-- practices.logo_url (an outside URL the EMR may hold) is no longer read by the patient-facing path.
CREATE TABLE practice_logos (
    practice_id  UUID        NOT NULL REFERENCES practices (id),
    state        VARCHAR(10) NOT NULL CHECK (state IN ('DRAFT', 'PUBLISHED')),
    content_type VARCHAR(20) NOT NULL CHECK (content_type IN ('image/png', 'image/svg+xml')),
    content      BYTEA       NOT NULL,
    size_bytes   INTEGER     NOT NULL CHECK (size_bytes BETWEEN 1 AND 262144),
    -- lower-case hex SHA-256 of content: the BFF's content-hashed URL and ETag
    sha256       CHAR(64)    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, state),
    CONSTRAINT practice_logos_size_ck CHECK (octet_length(content) = size_bytes)
);
