"""`crisisdesk site show`: the administrator's site files, and every setting with its layer."""

from __future__ import annotations

import sys

from crisisdesk.cli.common import add_command, command_group, print_json
from crisisdesk.desk.site import Setting, load_site


def register(sub) -> None:
    site = command_group(sub, "site", "the site settings an administrator set for this computer")
    show = add_command(site, "show", run_site_show,
                       "where the site files were read from, each setting's value and the layer it "
                       "came from (default, program folder, machine, user)", db=False)
    show.add_argument("--json", action="store_true")


def run_site_show(args) -> int:
    site = load_site()
    settings = site.effective(_user_values())
    read = {path for _, f in site.files for path in [f.path]}
    if args.json:
        print_json({
            "files": [{"layer": layer, "path": str(path), "read": path in read,
                       "present": path.exists()} for layer, path in site.looked_at],
            "problems": site.problems,
            "settings": {key: {"value": s.value, "layer": s.layer,
                               "source": str(s.source) if s.source else None, "locked": s.locked}
                         for key, s in settings.items()},
        })
    else:
        print("site files (a later one wins):")
        for layer, path in site.looked_at:
            state = "read" if path in read else ("has errors: left out" if path.exists() else "none")
            print(f"  {layer}: {path} ({state})")
        width = max(len(k) for k in settings)
        print("settings:")
        for key, setting in settings.items():
            print(f"  {key:<{width}}  {_shown(setting)}")
    for problem in site.problems:
        print(f"crisisdesk: site file: {problem}", file=sys.stderr)
    return 1 if site.problems else 0


def _shown(setting: Setting) -> str:
    value = setting.value if setting.value not in ("", None) else "(not set)"
    origin = setting.layer if setting.source is None else f"{setting.layer}: {setting.source}"
    lock = "; locked" if setting.locked else ""
    return f"{value}  [{origin}{lock}]"


def _user_values() -> dict:
    """The window's own settings of this user (empty when Qt cannot be loaded here)."""
    try:
        from crisisdesk.ui.site_settings import user_values
    except ImportError:
        return {}
    return user_values()
