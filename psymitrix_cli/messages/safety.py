"""The safety report and the safety plan."""

SAFETY_REPORT_NONE = "No safety events recorded: the screen has not found concern or acute."
SAFETY_REPORT_CONTENT_FREE = (
    "Only the source, tier, kind and time of each event are kept, never content."
)
SAFETY_REPORT_ALL_REMOTE = (
    "--all counts every account, so it reads the store directly: run it on the server's "
    "host with the server's store settings (PSYMITRIX_BACKEND=local or mongo), not over the API."
)
SAFETY_REPORT_SCOPE_ALL = "Every account in {store}:"
