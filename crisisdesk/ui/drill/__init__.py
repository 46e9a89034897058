"""Drills in the window: the 모의훈련 banner over every screen of a drill event, and the controller's
list of injects."""
