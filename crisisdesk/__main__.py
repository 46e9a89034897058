"""`python -m crisisdesk` runs the command line."""

from crisisdesk.cli import main

raise SystemExit(main())
