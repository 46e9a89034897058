"""The after-action review page: measured targets and misses, findings, corrective actions, the
result report and the drill register."""
