"""The AI providers' errors (Gemini, Groq, the provider choice)."""

# --- Choosing a provider ------------------------------------------------------------------
AI_UNKNOWN_PROVIDER = "Unknown AI provider '{name}'. Choose one of: {choices}."
AI_NEEDS_KEY = "The {name} provider needs an API key: set {key_env}, or use --provider offline."

# --- Any provider's transport -------------------------------------------------------------
AI_CONNECTION_DROPPED = "The connection to {provider} dropped {where}."
AI_TIMED_OUT = "{provider} took too long to answer (timed out)."
AI_NO_CONNECTION = "Could not connect to {provider}; check your network."
AI_MID_REPLY = "mid-reply"
AI_WHILE_ANSWERING = "while answering"

# --- Gemini -------------------------------------------------------------------------------
GEMINI_NO_REPLY = "Gemini gave no reply to this message ({refusal})."
GEMINI_REFUSED = "Gemini refused the request (HTTP {code}): {detail}"
GEMINI_TROUBLE = "Gemini is having problems (HTTP {code}); try again later."
GEMINI_FAILED = "Gemini failed: {detail}"
GEMINI_UNREADABLE = "Gemini sent a reply PsyMitrix could not read."
GEMINI_BAD_KEY = "Gemini rejected the API key in {env_key}."
GEMINI_RATE_LIMITED = "Gemini is rate-limiting requests (quota reached); try again later."
GEMINI_TIMED_OUT = "Gemini took too long to answer (timed out)."
GEMINI_NO_MODEL = "Gemini does not offer the model '{model}'."
GEMINI_BLOCKED = "blocked: {reason}"
GEMINI_STOPPED = "stopped: {reason}"
GEMINI_NAME = "Gemini"

# --- Groq ---------------------------------------------------------------------------------
GROQ_BAD_KEY = "Groq rejected the API key in {env_key}."
GROQ_KEY_REFUSED = "Groq refused access for the API key in {env_key}: {detail}"
GROQ_RATE_LIMITED = "Groq is rate-limiting requests; try again in a minute."
GROQ_TIMED_OUT = "Groq did not answer within {timeout_seconds:g} s."
GROQ_NO_CONNECTION = "Could not connect to Groq; check your network."
GROQ_NO_MODEL = "Groq does not offer the model '{model}'."
GROQ_REFUSED = "Groq refused the request (HTTP {status_code}): {detail}"
GROQ_STOPPED = "Groq stopped with an error: {detail}"
GROQ_UNREADABLE = "Groq sent a reply PsyMitrix could not read."
GROQ_TROUBLE = "Groq is having problems (HTTP {status_code}); try again later."
GROQ_NAME = "Groq"
