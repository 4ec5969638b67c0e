import sys

from koit_lessons.cli import main

sys.exit(main())
