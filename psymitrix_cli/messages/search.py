"""Search: `psymitrix search` and the lists' `--search` (domain/search.py)."""

SEARCH_EMPTY = "Give some words to search for."
SEARCH_TOO_MANY = "A search holds at most {max} words and phrases."
SEARCH_BAD_OR = "OR goes between two words or phrases to look for (like: walk OR run)."
SEARCH_UNCLOSED_QUOTE = 'A quoted phrase is missing its closing quote (").'
SEARCH_NOTHING_IN = "{part} holds no word to search for (words are letters and digits)."
SEARCH_ONLY_EXCLUDED = "Say what to look for, not only what to leave out (-word)."
SEARCH_BAD_KIND = "There is no {kind} to search; choose from {choices}."
SEARCH_BAD_LIMIT = "Show between 1 and {max} results."
SEARCH_NO_RESULTS = "Nothing matches {query}."
SEARCH_MORE = (
    "Ranked the {window} newest matches; older ones are there too: narrow the search, "
    "or use --since/--until."
)
SEARCH_SCANNED = (
    "This store is encrypted, so there is no search index: the newest {limit} entries of "
    "each kind were decrypted and read, and older ones were not (use --since/--until)."
)
LABEL_THE_SEARCH = "The search"
