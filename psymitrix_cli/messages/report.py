"""The report for a clinician (psymitrix report)."""

REPORT_TITLE = "PsyMitrix self-report summary"
REPORT_NOT_A_DIAGNOSIS = (
    "This is a summary of what {name} recorded in PsyMitrix themselves (self-report), "
    "from {start} to {end}. It is not a diagnosis: the PHQ-9 and GAD-7 are screening "
    "questionnaires, to be read alongside a clinical assessment."
)
REPORT_RELIABLE_NOTE = (
    "Reliable change (Jacobson-Truax): {phq} points or more on the PHQ-9, {gad} or more on "
    "the GAD-7, between two results. Clinically significant: a reliable fall from the "
    "moderate range or above into the minimal or mild range."
)
REPORT_ITEM9_NOTE = 'PHQ-9 item 9: "{item}". Any answer above "Not at all" is marked.'
REPORT_ITEM9_RAISED = "Item 9 was answered above 0 in {count} of {total} PHQ-9 result(s)."
REPORT_NO_QUESTIONNAIRES = "No PHQ-9 or GAD-7 was taken in this period."
REPORT_NO_PHQ9 = "No PHQ-9 was taken in this period."
REPORT_NO_MOOD = "No mood was rated in this period."
REPORT_NO_SLEEP = "No sleep was logged in this period."
REPORT_JOURNAL_LEFT_OUT = "Journal text is not included in this report."
REPORT_NO_JOURNAL = "No journal entries in this period."
REPORT_NO_SAFETY_PLAN = "No safety plan has been written yet."
REPORT_MACHINE_READABLE = (
    "The questionnaires in a machine-readable form: psymitrix export --format fhir."
)
REPORT_EXISTS = "{path} already exists; pass --force to replace it."
REPORT_HTML_ON_TTY = (
    "An HTML report is a file to open or print, not terminal text: give -o report.html, "
    "or redirect it (psymitrix report --format html > report.html)."
)
REPORT_WRITTEN = "Wrote the {format} report ({start} to {end}) to {path}."
