-- Sign-in now folds the stored guarantor_last_name at query time (household.LastNames: ICU transliteration, NFKC,
-- case folding), so the rule can change without a data migration. The precomputed column is no longer compared;
-- it stays for compatibility (older writers fill it) but is no longer required.
ALTER TABLE households ALTER COLUMN guarantor_last_name_normalized DROP NOT NULL;
COMMENT ON COLUMN households.guarantor_last_name_normalized IS
    'Unused since V5: sign-in compares guarantor_last_name through LastNames.matches at query time.';
