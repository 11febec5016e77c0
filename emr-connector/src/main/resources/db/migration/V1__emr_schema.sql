-- The EMR's own schema (what the practice-management system already has): practices, locations, landing-page hashes,
-- households (guarantors), patients, providers, the procedure catalogue and charges.

CREATE TABLE practices (
    id                UUID PRIMARY KEY,
    tenant_id         UUID        NOT NULL,
    company_id        UUID        NOT NULL,
    name              TEXT        NOT NULL,
    phone             TEXT,
    phone_e164        TEXT,
    address_line1     TEXT,
    address_line2     TEXT,
    city              TEXT,
    state             TEXT,
    postal_code       TEXT,
    logo_url          TEXT,
    time_zone         TEXT        NOT NULL,
    stripe_account_id TEXT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE practice_locations (
    id            UUID PRIMARY KEY,
    practice_id   UUID NOT NULL REFERENCES practices (id),
    name          TEXT NOT NULL,
    phone         TEXT,
    address_line1 TEXT,
    address_line2 TEXT,
    city          TEXT,
    state         TEXT,
    postal_code   TEXT
);
CREATE INDEX practice_locations_practice_idx ON practice_locations (practice_id);

-- Public landing-page hashes: short, from an alphabet without look-alike characters, never reused.
CREATE TABLE practice_hashes (
    hash        VARCHAR(12) PRIMARY KEY CHECK (hash ~ '^[ACDEFGHJKMNPQRTUVWXY34679]{6,12}$'),
    practice_id UUID        NOT NULL REFERENCES practices (id),
    active      BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX practice_hashes_practice_idx ON practice_hashes (practice_id);

CREATE TABLE households (
    id                             UUID PRIMARY KEY,
    practice_id                    UUID        NOT NULL REFERENCES practices (id),
    account_number                 VARCHAR(32) NOT NULL,
    guarantor_first_name           TEXT        NOT NULL,
    guarantor_last_name            TEXT        NOT NULL,
    -- lower case, no accents/apostrophes/hyphens/spaces: what sign-in compares (see LastNames.normalize)
    guarantor_last_name_normalized TEXT        NOT NULL,
    created_at                     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT households_account_uq UNIQUE (practice_id, account_number)
);

CREATE TABLE patients (
    id           UUID PRIMARY KEY,
    household_id UUID NOT NULL REFERENCES households (id),
    first_name   TEXT NOT NULL,
    last_name    TEXT NOT NULL
);
CREATE INDEX patients_household_idx ON patients (household_id);

CREATE TABLE providers (
    id           UUID PRIMARY KEY,
    practice_id  UUID NOT NULL REFERENCES practices (id),
    display_name TEXT NOT NULL
);

-- Procedure catalogue: CDT code and the name a patient understands.
CREATE TABLE procedures (
    code         VARCHAR(16) PRIMARY KEY,
    patient_name TEXT NOT NULL
);

CREATE TABLE charges (
    id             UUID PRIMARY KEY,
    household_id   UUID        NOT NULL REFERENCES households (id),
    patient_id     UUID        NOT NULL REFERENCES patients (id),
    location_id    UUID        NOT NULL REFERENCES practice_locations (id),
    provider_id    UUID        NOT NULL REFERENCES providers (id),
    service_date   DATE        NOT NULL,
    procedure_code VARCHAR(16) NOT NULL REFERENCES procedures (code),
    amount_cents   BIGINT      NOT NULL CHECK (amount_cents > 0),
    -- entry order: the documented tie-breaker of the allocation rule (same date of service)
    entry_seq      BIGSERIAL   NOT NULL UNIQUE,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX charges_allocation_idx ON charges (household_id, service_date, entry_seq);
