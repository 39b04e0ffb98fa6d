"""Vendor the licence texts of every bundled library into resources/licenses/.

PySide6 wheels carry no licence file (pitfalls §5.4), so the LGPL-3.0 and GPL texts
come from Debian's common-licenses. Run after changing dependencies; the output is
committed, bundled by homeassess.spec and listed in Help → About.
"""

from __future__ import annotations

import shutil
import sys
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "licenses"
DISTRIBUTIONS = (
    "pyside6-essentials", "pyside6-pdf", "shiboken6", "sqlmodel", "sqlalchemy", "sqlcipher3", "alembic", "mako",
    "markupsafe", "reportlab", "rl-accel", "uharfbuzz", "pillow", "pi-heif", "platformdirs", "pydantic", "pydantic-core",
    "annotated-types", "typing-inspection", "typing-extensions", "cryptography", "cffi", "pycparser", "python-bidi",
)
QT_TEXTS = {"LGPL-3": "LGPL-3.0.txt", "GPL-3": "GPL-3.0.txt", "GPL-2": "GPL-2.0.txt"}


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    index = ["Licences of the libraries bundled with HomeAssess", ""]
    for name in DISTRIBUTIONS:
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            print(f"not installed: {name}", file=sys.stderr)
            return 1
        expression = dist.metadata.get("License-Expression") or next(iter((dist.metadata.get("License") or "").splitlines()), "")
        files = [f for f in dist.files or [] if "dist-info/licenses/" in str(f) or str(f).endswith("LICENSES_bundled.txt")]
        if not files:  # an older wheel keeps its licence beside the metadata (rl-accel's LICENSE.txt)
            files = [f for f in dist.files or [] if str(f).endswith(".dist-info/LICENSE.txt")]
        copied = []
        for f in files:
            target = OUT / f"{dist.metadata['Name'].lower()}-{Path(str(f)).name}"
            shutil.copyfile(f.locate(), target)
            copied.append(target.name)
        if name.startswith(("pyside6", "shiboken6")):
            copied = list(QT_TEXTS.values())
        index.append(f"{dist.metadata['Name']} {dist.version}: {expression or 'see files'} -> {', '.join(copied) or 'none shipped'}")
    for debian_name, target in QT_TEXTS.items():
        shutil.copyfile(Path("/usr/share/common-licenses") / debian_name, OUT / target)
    index += ["", "Qt and PySide6 are used under the LGPL-3.0; the one-folder bundle keeps the Qt libraries replaceable.",
              "Fonts: the Noto fonts under resources/fonts/ are licensed under the SIL Open Font License 1.1"
              " (resources/fonts/LICENSE-Noto-OFL.txt)."]
    (OUT / "README.txt").write_text("\n".join(index) + "\n", encoding="utf-8")
    print(f"{len(list(OUT.iterdir()))} files in {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
