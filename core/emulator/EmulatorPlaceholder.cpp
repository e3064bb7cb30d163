// Replaced by the emulator implementation (issue 4).
