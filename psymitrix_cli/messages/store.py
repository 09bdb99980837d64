"""The stores (SQLite, MongoDB): opening, schema versions, uniqueness."""

# --- Any store ----------------------------------------------------------------------------
STORE_UNKNOWN = "Unknown store {chosen!r}."
ENTRY_EXISTS = "That entry already exists."
USERNAME_TAKEN = "That username is taken."
EMAIL_TAKEN = "An account with that email already exists."

# --- SQLite -------------------------------------------------------------------------------
SQLITE_CANNOT_OPEN = "Cannot open the database at {path}: {exc}"
SQLITE_SCHEMA_NEWER = (
    "The database at {path} was written by a newer PsyMitrix (schema {current}); please upgrade."
)
SQLITE_BUSY = "The database at {path} is busy: {exc}"
SQLITE_BUSY_HERE = "The database at {path} is busy: a write here took over {seconds} s."

# --- MongoDB ------------------------------------------------------------------------------
MONGO_FAILED = "MongoDB at {host} failed: {text}"
MONGO_TIMED_OUT = "MongoDB at {host} did not answer in time: {text}"
MONGO_UNREACHABLE = "Cannot reach MongoDB at {host}{within}: {reason}"
MONGO_BAD_CREDENTIALS = "MongoDB at {host} refused the credentials: {text}"
MONGO_BAD_SETTINGS = "The MongoDB settings are not valid: {text}"
MONGO_HOST_UNKNOWN = "Cannot resolve MongoDB host {host}: {text}"
MONGO_BAD_DATABASE_NAME = "Bad MongoDB database name: {detail}"
MONGO_NOT_CONFIGURED = (
    "The mongo backend needs MONGO_LINK, or MONGO_HOST (with MONGO_USER and "
    "MONGO_USER_PASSWORD); set one of them."
)
MONGO_SCHEMA_NEWER = (
    "The MongoDB database {name!r} was written by a newer PsyMitrix (schema "
    "{current}); please upgrade."
)
MONGO_LINK_RULE = "MONGO_LINK must start with mongodb:// or mongodb+srv://."
MONGO_WITHIN = " within {seconds:g}s"
MONGO_MIGRATION_GAVE_UP = (
    "Gave up after {waited:.0f}s waiting for another PsyMitrix process ({holder}) to "
    "migrate the MongoDB database {database!r}; it is still working. Try again."
)
MONGO_MIGRATION_HOLDER = "{who}, migrating since {since}"
MONGO_MIGRATION_ANOTHER = "another"
MONGO_STANDALONE = (
    "MongoDB at {host} is a standalone server, which has no transactions; PsyMitrix needs "
    "a replica set (one member is enough: start mongod with --replSet rs0 and run "
    "rs.initiate() once) or a sharded cluster, so that an entry and its count are saved "
    "together."
)
