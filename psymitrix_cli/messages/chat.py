"""The AI companion chat."""

# --- What a message may be ----------------------------------------------------------------
CHAT_EMPTY_MESSAGE = "A chat message cannot be empty."
CHAT_TOO_LONG = "That message is too long ({length:,} characters; the limit is {limit:,})."
CHAT_CONTROL_CHARS = "That message contains control characters; remove them and try again."

# --- Sessions -----------------------------------------------------------------------------
CHAT_SESSION_AND_CONTINUE = "Give --session or --continue, not both."
CHAT_NOT_FOUND = "No chat session with ID {id}."
CHAT_NOTHING_TO_END = "There is no open chat session to end."
CHAT_ENDED = "Ended chat session {id}."
CHAT_UNTITLED = "Untitled chat"
CHAT_NO_SESSIONS = "No chat sessions yet. Start one with `psymitrix chat`."
CHAT_MORE = "More: psymitrix chat sessions --cursor {cursor}"
CHAT_CONFIRM_DELETE = "Delete the chat session {title!r} and all of its messages?"
CHAT_DELETED = "Deleted chat session {id}."
CHAT_EXPORTED = "Exported the session to {path}."
CHAT_DELETE_ONE_OR_ALL = "Give one session's ID, or --all."
CHAT_CONFIRM_DELETE_ALL = "Delete every chat session of yours, and the chat input history here?"
CHAT_DELETED_ALL = "Deleted {count} chat sessions, and the chat input history on this machine."
TTY_CONFIRMATION = "confirmation"
CHAT_BUSY = "This chat session is too busy right now; please try again."

# --- Replies and summaries ----------------------------------------------------------------
CHAT_EMPTY_REPLY = "The companion sent an empty reply; your message is saved, so try again."
CHAT_SAFE_REPLY = (
    "I'm sorry, I can't share that. I'm an AI, not a crisis service, and I care about your "
    "safety. If you're thinking about hurting yourself, please call or text 988 (US), contact "
    "your local emergency number, or find a line at "
    "https://www.iasp.info/crisis-centres-helplines/. Would you like to tell me a little more "
    "about how you're feeling right now?"
)
CHAT_CRISIS_SUMMARY_TITLE = "Reaching out in a hard moment"
CHAT_CRISIS_SUMMARY = (
    "You reached out during a very hard moment, and the companion shared crisis resources "
    "with you. Those lines are there whenever you need them."
)
CHAT_CRISIS_SUMMARY_NOTE = "Crisis resources were shared during this conversation."
CHAT_OFFLINE_LABEL = "offline companion (no AI service in use)"
CHAT_REPLY_STOPPED = "Reply stopped; what arrived is saved."
CHAT_REPLY_PARTIAL = "The reply was cut short; what arrived is saved."
CHAT_REPLY_REPLACED = "[That reply was withdrawn by the safety check. Instead:]"
CHAT_INTERRUPTED_MARK = "(interrupted)"
CHAT_SUMMARY_SKIPPED = "skipped after an earlier failure"

# --- The interactive chat -----------------------------------------------------------------
CHAT_WELCOME = (
    "PsyMitrix companion · Enter sends · Esc then Enter (or Alt-Enter) adds a line · "
    "/help for commands · /exit or Ctrl-D to leave"
)
CHAT_WELCOME_PIPE = "PsyMitrix companion · one message per line · /help for commands"
CHAT_HELP = (
    "/new       end this session and start a fresh one\n"
    "/end       end this session and save its summary\n"
    "/sessions  list your recent sessions\n"
    "/help      show this help\n"
    "/exit      end the session and leave (also Ctrl-D)\n"
    "Ctrl-C stops a reply while it is arriving; at the prompt it leaves."
)
CHAT_UNKNOWN_COMMAND = "Unknown command {command}; type /help to see the commands."
CHAT_CONTINUING = "Continuing: {title}"
CHAT_NOTHING_TO_CONTINUE = "No earlier session to continue; starting a new one."
CHAT_NEW_SESSION = "New session."
CHAT_SAVED = "Saved the last session: {title}"
CHAT_AFTER_END = "Type a message to start a new session, or /exit to leave."
CHAT_NOTHING_OPEN = "No session is open; type a message to start one."
CHAT_NO_JSON_REPL = "The interactive chat has no JSON output; use `psymitrix chat send --json`."
CHAT_YOU = "you"
CHAT_COMPANION = "psymitrix"
