"""YAML files (group file, playbooks) turned into domain objects, with located errors."""
