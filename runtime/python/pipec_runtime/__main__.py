"""`python -m pipec_runtime …` — see cli.py."""
import sys

from .cli import main

sys.exit(main())
