// Replaced by the desktop app (issue 3).
