"""法治政府建设年度报告编辑器 (report editor).

The package is layered: ``model``, ``storage``, ``export``, ``importing`` and ``checks`` form the core
and never import QtWidgets; ``ui`` is a thin Qt layer over it; ``cli`` uses the same core.
"""

__version__ = "0.1.0"
