"""What every whole-process benchmark shares: an environment that keeps PsyMitrix in a
temp home, fast bcrypt, no keyring and no token of the person running it."""

from __future__ import annotations

import os
from pathlib import Path


def isolated_env(home: str | Path, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "PSYMITRIX_HOME": str(home),
        "PSYMITRIX_TESTING": "1",
        "PSYMITRIX_BCRYPT_ROUNDS": "4",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        **extra,
    }
    env.pop("PSYMITRIX_TOKEN", None)
    return env
