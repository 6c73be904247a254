"""``python -m corrigo`` runs the command line."""

import sys

from corrigo.cli import main

sys.exit(main())
