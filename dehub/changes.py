"""`python -m dehub.changes`: kept as the entry point the pull-request workflow calls; see dehub/commands/pr_summary.py."""

import sys

from .commands.pr_summary import main

if __name__ == "__main__":
    sys.exit(main())
