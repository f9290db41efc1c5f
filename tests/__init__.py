from pathlib import Path

# The repository's root folder (tests/ mirrors the packages under it).
REPO_ROOT = Path(__file__).resolve().parents[1]
