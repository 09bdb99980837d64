"""Every user-facing message, kept together (as jrnl does) so wording stays consistent
and is easy to review: one module per area, all re-exported here, so code says
`messages.NAME` (or `messages.NAME.format(...)`) whatever the area.

Text belongs here when a person reads it: an error's text, a line printed through the
Terminal, a prompt, a notice. Operators' log lines, JSON keys and the safety wording
(domain/safety/wording.py) stay where they are. tests/test_messages_in_one_place.py keeps it so.
"""

from psymitrix_cli.messages.accounts import *  # noqa: F403
from psymitrix_cli.messages.ai import *  # noqa: F403
from psymitrix_cli.messages.chat import *  # noqa: F403
from psymitrix_cli.messages.common import *  # noqa: F403
from psymitrix_cli.messages.data import *  # noqa: F403
from psymitrix_cli.messages.encryption import *  # noqa: F403
from psymitrix_cli.messages.entries import *  # noqa: F403
from psymitrix_cli.messages.memory import *  # noqa: F403
from psymitrix_cli.messages.practice import *  # noqa: F403
from psymitrix_cli.messages.reminders import *  # noqa: F403
from psymitrix_cli.messages.report import *  # noqa: F403
from psymitrix_cli.messages.safety import *  # noqa: F403
from psymitrix_cli.messages.search import *  # noqa: F403
from psymitrix_cli.messages.server import *  # noqa: F403
from psymitrix_cli.messages.store import *  # noqa: F403
from psymitrix_cli.messages.tokens import *  # noqa: F403
