"""PyInstaller run-time hook of the frozen application: runs before ``editor`` is imported.

- The bootloader points LD_LIBRARY_PATH at the bundle so the application finds its own libraries (and saves the
  user's value in LD_LIBRARY_PATH_ORIG). Programs we start (LibreOffice for PDF, fc-list) must not see that, or
  they would load our copies of shared libraries instead of their own. The dynamic linker of this process has
  read the variable already, so restoring it here only affects child processes.
- Qt finds its plugins in the bundle. This replaces PyInstaller's own PySide6 hook, which imports PySide6 at
  start-up and so slows down the commands that never use Qt.
- Chinese input: a desktop running fcitx sets QT_IM_MODULE=fcitx, but the system's fcitx plugin is built for the
  system's Qt and cannot be loaded by the bundled Qt, which then offers no input method at all. fcitx 5 also
  speaks the IBus protocol, whose plugin is bundled: use that instead.
"""

import os
import sys


def _setup() -> None:
    here = getattr(sys, "_MEIPASS", os.path.dirname(sys.executable))
    if sys.platform.startswith("linux"):
        value = os.environ.get("LD_LIBRARY_PATH", "")
        if "LD_LIBRARY_PATH_ORIG" in os.environ:
            os.environ["LD_LIBRARY_PATH"] = os.environ.pop("LD_LIBRARY_PATH_ORIG")
        elif value.split(os.pathsep)[0] == here:
            os.environ.pop("LD_LIBRARY_PATH", None)
    qt = os.path.join(here, "PySide6") if sys.platform.startswith("win") else os.path.join(here, "PySide6", "Qt")
    plugins = os.path.join(qt, "plugins")
    os.environ["QT_PLUGIN_PATH"] = plugins
    im = os.environ.get("QT_IM_MODULE", "")
    contexts = os.path.join(plugins, "platforminputcontexts")
    if im.startswith("fcitx") and os.path.isdir(contexts) and not any(
            name.startswith(f"lib{im}") for name in os.listdir(contexts)):
        os.environ["QT_IM_MODULE"] = "ibus"


_setup()
