"""Real-browser quality gates (issue 6): Playwright driving the system's Chromium."""
