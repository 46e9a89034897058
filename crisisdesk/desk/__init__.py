"""The application services: the one API the UI and the command line call."""
