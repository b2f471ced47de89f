"""URL handling: only urllib.parse is provided (no network access)."""
