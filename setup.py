"""Packaging glue that pyproject.toml cannot say: the shipped files go inside the wheel.

`resources/` (fonts with their licence, compiled translations, icons) and `playbooks/`
stay at the top of the checkout, where the code finds them in a source checkout. In a
wheel they are installed as `crisisdesk/resources/` and `crisisdesk/playbooks/`, where
`crisisdesk.locations.bundle_root()` finds them in an installed program.
Everything else is in pyproject.toml.
"""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["crisisdesk", "crisisdesk.*"])
    + ["crisisdesk.resources", "crisisdesk.playbooks"],
    package_dir={"crisisdesk.resources": "resources", "crisisdesk.playbooks": "playbooks"},
    package_data={
        "crisisdesk.resources": [
            "fonts/*.ttf", "fonts/OFL.txt", "translations/*.qm", "icons/*.png", "icons/*.ico",
        ],
        "crisisdesk.playbooks": ["*.yaml", "README.md"],
    },
    include_package_data=False,
)
