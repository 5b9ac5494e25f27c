"""Entry point of the frozen application (PyInstaller): the same ``main`` as ``report-editor``."""

import sys

from editor.cli import main

if __name__ == "__main__":
    sys.exit(main())
