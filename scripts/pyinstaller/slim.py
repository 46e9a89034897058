"""What build.spec leaves out of the bundle, and why (the bundle must stay under 150 MB).

- Qt plugins CrisisDesk never loads: the GTK3 platform theme (it alone drags in GTK, GDK,
  Cairo, Pango and ATK: over 20 MB), TLS and network-information back-ends (the desk never
  opens a network connection), the embedded-device integrations (eglfs, linuxfb, vnc, evdev),
  the native Wayland platform (on a Wayland desktop the desk runs through XWayland, with the
  xcb platform) and image formats nobody uses here.
- A second copy of the Python modules: on Linux and macOS `crisisdesk` (the window) is a
  launcher of `crisisdesk-cli`, the same program (on Windows both are programs: the window
  one is windowed).
- A second copy of the Python modules: on Linux and macOS `crisisdesk` (the window) is a
  launcher of `crisisdesk-cli`, the same program (on Windows both are programs: the window
  one is windowed).
- Python modules nobody imports here: Pillow's AVIF, WebP, colour-management, Tk and font
  modules (and the libraries they link), ssl and Qt's network module (no network), asyncio,
  multiprocessing, readline, setuptools, unittest (each program carries its own copy
  of the Python modules, so what is left out here counts twice).
- Shared libraries nothing left in the bundle needs (`needed_only`: only what an extension
  module, a kept Qt plugin or Python itself links to, directly or not, is kept), and CUPS with
  the libraries only it needs, which the print plugin takes from the system
  (`SYSTEM_LIBRARIES`).
- ICU's data (31 MB, Linux only; `icu_stub`): Qt links ICU for collation and legacy text codecs,
  which CrisisDesk does not use (Hangul syllables sort in their code-point order, which is the
  dictionary order). The library is replaced by ICU's own "stubdata" (an empty data table, as
  ICU builds that read their data from a file use); ICU then reports missing data instead of
  loading it. Without a C compiler the real data is kept.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

UNUSED_PLUGINS = re.compile(
    r"PySide6/Qt/plugins/("
    r"platformthemes/libqgtk3|tls/|networkinformation/|egldeviceintegrations/|generic/|wayland-"
    r"|platforms/libqwayland|xcbglintegrations/libqxcb-egl"
    r"|platforms/(libqeglfs|libqlinuxfb|libqminimalegl|libqvnc|libqvkkhrdisplay)"
    r"|imageformats/(libqicns|libqtga|libqtiff|libqwbmp|libqwebp)"
    r")")

# Python modules the bundle does not need (the PIL formats pull in libavif, libwebp, lcms).
UNUSED_MODULES = [
    "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin", "PIL.ImageTk",
    "PIL._imagingtk", "PIL.ImageCms", "PIL._imagingcms", "readline", "setuptools", "distutils",
    "pkg_resources", "pydoc", "pydoc_data", "PIL._imagingft", "ssl", "_ssl", "_pydecimal",
    "unittest", "asyncio", "multiprocessing", "PySide6.QtNetwork", "PySide6.QtDBus",
    "charset_normalizer",  # reportlab guesses the encoding of bytes with it; CrisisDesk gives text
    "jeepney.io.asyncio", "jeepney.io.trio", "jeepney.io.tests",
    # lxml: python-docx and python-hwpx use etree only
    "lxml.objectify", "lxml.html", "lxml.isoschematron", "lxml.sax", "lxml.builder", "lxml.cssselect",
    # python-hwpx: what writing a document never loads (HWP 5 reading, layout, form filling, …)
    "hwpx.hwp5", "hwpx.layout", "hwpx.form_fit", "hwpx.table_patch", "hwpx.equation", "hwpx.plan",
    "hwpx.body_patch",
]
UNUSED_DATA = re.compile(r"^lxml[/\\](isoschematron|html)[/\\]")

# `crisisdesk` on Linux and macOS (build.spec): the window, through the command-line program.
LAUNCHER = """#!/bin/sh
# CrisisDesk: the desk window. crisisdesk-cli is the same program; with no command it opens
# the window. (On Windows, crisisdesk.exe is a windowed program of its own.)
self=$(readlink -f "$0" 2>/dev/null || echo "$0")
exec "$(dirname "$self")/crisisdesk-cli" "$@"
"""

STUB_SOURCE = r"""
/* ICU's stubdata (icu4c/source/stubdata/stubdata.cpp): an empty common-data table. */
typedef struct {
    unsigned short headerSize; unsigned char magic1, magic2;
    struct { unsigned short size, reservedWord; unsigned char isBigEndian, charsetFamily,
             sizeofUChar, reservedByte, dataFormat[4], formatVersion[4], dataVersion[4]; } info;
    char padding[8]; unsigned int count, reserved;
    struct { unsigned int nameOffset, dataOffset; } toc[1];
} ICU_Data_Header;
__attribute__((visibility("default"))) const ICU_Data_Header %(symbol)s = {
    32, 0xda, 0x27, {20, 0, 0, 0, 2, 0, {0x54, 0x6f, 0x43, 0x50}, {1, 0, 0, 0}, {0, 0, 0, 0}},
    {0}, 0, 0, {{0, 0}}};
"""


def _name(entry) -> str:
    return entry[0].replace("\\", "/")


def without_unused_plugins(binaries: Iterable) -> list:
    return [entry for entry in binaries if not UNUSED_PLUGINS.search(_name(entry))]


# Left to the system (Linux): CUPS and what only it links. Qt's print plugin stays in the bundle
# and loads the system's libcups (every desktop that prints has it; its ABI has been stable for
# decades); without CUPS the print dialog offers printing to a PDF file. 7.6 MB.
SYSTEM_LIBRARIES = re.compile(
    r"^lib(cups\.so\.2|avahi-client\.so\.3|avahi-common\.so\.3|gnutls\.so\.30|gmp\.so\.10"
    r"|hogweed\.so\.6|nettle\.so\.8|idn2\.so\.0|p11-kit\.so\.0|tasn1\.so\.6|unistring\.so\.2)$")


def _is_root(dest: str) -> bool:
    name = dest.rsplit("/", 1)[-1]
    return (".cpython-" in name or name.endswith((".abi3.so", ".pyd")) or "/plugins/" in dest
            or name.startswith("libpython"))


def needed_only(binaries: list, imports) -> list:
    """The binaries an extension module, a Qt plugin or libpython needs (Linux: ELF NEEDED)."""
    by_name = {}
    for entry in binaries:
        by_name.setdefault(_name(entry).rsplit("/", 1)[-1], []).append(entry)
    keep = {id(entry) for entry in binaries if _is_root(_name(entry))}
    todo = [entry for entry in binaries if id(entry) in keep]
    while todo:
        entry = todo.pop()
        for needed in imports(entry[1]):
            for found in by_name.get(Path(needed).name, []):
                if id(found) not in keep:
                    keep.add(id(found))
                    todo.append(found)
    return [entry for entry in binaries
            if id(entry) in keep and not SYSTEM_LIBRARIES.match(_name(entry).rsplit("/", 1)[-1])]


def icu_stub(binaries: list, workdir: Path) -> list:
    """`binaries` with libicudata replaced by ICU's stub data, when a C compiler is at hand."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    out = []
    for entry in binaries:
        match = re.fullmatch(r"libicudata\.so\.(\d+)", _name(entry).rsplit("/", 1)[-1])
        if match and compiler:
            workdir.mkdir(parents=True, exist_ok=True)
            source, library = workdir / "icudata_stub.c", workdir / match.group(0)
            source.write_text(STUB_SOURCE % {"symbol": f"icudt{match.group(1)}_dat"})
            subprocess.run([compiler, "-shared", "-fPIC", "-O2", f"-Wl,-soname,{match.group(0)}",
                            "-o", str(library), str(source)], check=True)
            entry = (entry[0], str(library), *entry[2:])
        out.append(entry)
    return out
