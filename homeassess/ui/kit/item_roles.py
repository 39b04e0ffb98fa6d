"""Item data roles and the numbers' alignment as plain ints, read once, for the models' ``data()``.

``data()`` runs for every cell in every role on each paint: a home list of 2,000 assessments, a review of 150
recommendations. PySide6 looks a short enum name such as ``Qt.DisplayRole`` up again on every use (about 4 µs
on the development machine, against 0.05 µs to compare two ints), which made the lookups most of ``data()``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

_ROLE = Qt.ItemDataRole
DISPLAY = int(_ROLE.DisplayRole)
DECORATION = int(_ROLE.DecorationRole)
EDIT = int(_ROLE.EditRole)
TOOLTIP = int(_ROLE.ToolTipRole)
ACCESSIBLE = int(_ROLE.AccessibleTextRole)
ALIGNMENT = int(_ROLE.TextAlignmentRole)
FOREGROUND = int(_ROLE.ForegroundRole)
FONT = int(_ROLE.FontRole)
CHECK_STATE = int(_ROLE.CheckStateRole)
USER = int(_ROLE.UserRole)  # a model's own roles count up from here

RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
