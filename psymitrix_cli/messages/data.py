"""Export, import and the outbox."""

IMPORT_INVALID = "Not a valid PsyMitrix export: {problem} Nothing was imported."
IMPORT_UNREADABLE = "Cannot import {path}: {problem} Nothing was imported."
IMPORT_TOO_LARGE = "it is {size} MB; the limit is {limit} MB."
IMPORT_DONE = "Imported {imported} entries; {skipped} were already there."
IMPORT_DRY_RUN = "Dry run: {imported} entries would be imported; {skipped} are already there."
IMPORT_NOTHING_NEW = "Nothing new to import: everything in this file is already there."
EXPORT_WROTE = "Exported {entries} entries to {path}."
EXPORT_NOT_A_DIR = "{path} exists and is not a directory."
EXPORT_PROGRESS = "Exporting"
EXPORT_MD_EMPTY = "No journal or gratitude entries yet."
EXPORT_MD_LEAVES_OUT = "md is for reading the journal and gratitude; json carries {kind}"
QUEUED_NOTICE = (
    "The PsyMitrix API is not reachable; saved to the outbox ({id}). "
    "Run `psymitrix outbox sync` when it is back."
)
QUEUED_CRISIS_OPENING = (
    "What you shared sounds really heavy, and you do not have to carry it alone. It is "
    "saved on this device. If you are thinking about ending your life or hurting "
    "yourself, please reach out now to one of these, or to someone you trust:"
)
CHECKIN_QUEUED = "check-in: {parts}"
