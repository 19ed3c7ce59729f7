"""The most common passwords, shipped with the app so a new password can be checked against them
without a network (NIST SP 800-63B, 5.1.1.2: refuse values known to be commonly used).

The list is the 30,000 most frequent passwords of the corpus behind zxcvbn's frequency lists, as
shipped in the `zxcvbn` 4.5.0 package (MIT licence); see ``data/seed/security/PROVENANCE.md``.
"""

from __future__ import annotations

import functools
import gzip
from pathlib import Path

LIST_PATH = Path(__file__).resolve().parent / "seed" / "security" / "common_passwords.txt.gz"


@functools.cache
def common_passwords() -> frozenset[str]:
    """Every password of the shipped list, in lower case."""
    with gzip.open(LIST_PATH, "rt", encoding="utf-8") as lines:
        return frozenset(line.strip().lower() for line in lines if line.strip())


def is_common(password: str) -> bool:
    """True if ``password``, without regard to case or outer spaces, is on the shipped list."""
    return password.strip().lower() in common_passwords()
