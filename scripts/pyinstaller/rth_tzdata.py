# PyInstaller runtime hook (build.spec): the frozen program reads time zones from the tzdata
# package bundled with it, never from the machine's tz database. An empty or missing system
# tz path (a bare container, Windows) then cannot break it, and every desk, whatever machine
# it runs on, converts times with the same rules.
import zoneinfo

zoneinfo.reset_tzpath(to=[])
