"""Real-browser quality gates: Playwright driving the system's Chromium."""
