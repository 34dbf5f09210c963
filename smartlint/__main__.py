import sys

from smartlint.cli import main

sys.exit(main())
