"""Encryption of the local store (encryption enable|disable|status, export --encrypt)."""

# --- Turning it on and off ----------------------------------------------------------------
ENCRYPTION_LOCAL_ONLY = (
    "Encryption applies to the embedded store only (--backend local); "
    "this is the {backend} backend."
)
ENCRYPTION_ALREADY_ON = "Encryption is already on for {path}."
ENCRYPTION_ALREADY_OFF = "Encryption is already off for {path}."
ENCRYPTION_ENABLED = "Encryption is on: {count} values encrypted; the key is in {where}."
ENCRYPTION_DISABLED = "Encryption is off: {count} values decrypted; the key is forgotten."
ENCRYPTION_WHERE_KEYRING = "the system keyring ({backend})"
ENCRYPTION_WHERE_PASSPHRASE = "this store, wrapped with your passphrase (Scrypt)"
ENCRYPTION_NO_KEYRING = (
    "No usable system keyring here: the key is wrapped with a passphrase you choose. "
    "Without the passphrase the data cannot be read; nobody can recover it."
)

# --- Reading an encrypted store -----------------------------------------------------------
ENCRYPTION_WRONG_KEY = "The encryption key does not open this store's data."
ENCRYPTION_DAMAGED = "An encrypted value in the store is damaged or was moved; it cannot be read."
ENCRYPTION_KEY_MISSING = (
    "The store is encrypted, but its key is not in the keyring ({reason}); "
    "nothing can be read or written until it is back."
)
ENCRYPTION_NEEDS_PASSPHRASE = (
    "The store is encrypted with a passphrase: set PSYMITRIX_PASSPHRASE, or run this in a "
    "terminal to be asked."
)
ENCRYPTION_KEY_SLOT = "service psymitrix, slot data-key:{key_id}"

# --- encryption status --------------------------------------------------------------------
ENCRYPTION_STATUS_STORE = "Store:      {path}"
ENCRYPTION_STATUS_STATE = "Encryption: {value}"
ENCRYPTION_STATUS_COUNT = "Encrypted:  {encrypted_values} values"
ENCRYPTION_STATUS_KEY = "Key:        {key}"
ENCRYPTION_ON = "on"
ENCRYPTION_OFF = "off"

# --- Passphrases and encrypted exports ----------------------------------------------------
WRONG_PASSPHRASE = "Wrong passphrase; nothing was read or written."
PASSPHRASE_EMPTY = "The passphrase must not be empty."
PASSPHRASE_SHORT = "Use a passphrase of at least {min} characters."
PASSPHRASE_PROMPT = "Passphrase"
ENVELOPE_DAMAGED = "the encrypted file is damaged or not a PsyMitrix export."
EXPORT_ENCRYPT_FORMAT = (
    "--encrypt writes one file: use it with --format json, fhir or md and --output."
)
PASSPHRASES_DIFFER = "The two passphrases do not match."
